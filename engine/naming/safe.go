package naming

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Safe makes any string into a single file or folder name that is safe on
// Windows, macOS and Linux, at most maxBytes bytes of UTF-8 (maxBytes
// below MinBytes counts as MinBytes). It never returns "", "." or "..".
//
// The text is NFC-normalised, so a name typed on a Mac matches the same
// name from elsewhere; characters any system forbids, control characters
// and direction overrides become "_"; leading spaces and trailing dots and
// spaces (which Windows drops silently) are removed; a leading dot gets a
// "_" in front so the file is not hidden; and reserved Windows device
// names get a "_" after them ("con.txt" becomes "con_.txt").
func Safe(s string, maxBytes int) string {
	maxBytes = max(maxBytes, MinBytes)
	s = strings.ToValidUTF8(s, "_")
	s = norm.NFC.String(s)
	s = strings.Map(replaceUnsafe, s)
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if strings.HasPrefix(s, ".") {
		s = "_" + s
	}
	s = trimEnd(cut(s, maxBytes))
	if u := unreserve(s); u != s {
		// The "_" may push the name over the limit; cutting from the end
		// cannot make it reserved again, as the base now ends in "_".
		s = trimEnd(cut(u, maxBytes))
	}
	if s == "" {
		return fallbackName
	}
	return s
}

// replaceUnsafe maps a rune that some system rejects, or that could make
// a name display misleadingly, to "_".
func replaceUnsafe(r rune) rune {
	switch r {
	case '<', '>', ':', '"', '/', '\\', '|', '?', '*':
		return '_' // forbidden on Windows; '/' everywhere, ':' on macOS
	case '\u2028', '\u2029', '\uFEFF':
		return '_' // line breaks and byte order marks hidden in a name
	}
	if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
		// Direction overrides can make "evil\u202Etxt.exe" look like
		// "evilexe.txt" in a file manager.
		return '_'
	}
	return r
}

// trimEnd removes what Windows would strip from the end of a name anyway,
// so the name we record is the name the file really gets.
func trimEnd(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
}
