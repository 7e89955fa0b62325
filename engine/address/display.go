package address

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Display returns address u as a person reads it, the way a browser's
// address bar shows it, for the table, dialogs and the index page:
//
//   - an international site name in its own letters ("bücher.example",
//     not "xn--bcher-kva.example"), unless its letters could pass for
//     another site's (see safeToShow), where browsers show punycode too;
//   - the path and query with escaped letters decoded ("/café", not
//     "/caf%C3%A9") where the bytes are valid UTF-8 and the characters
//     printable. Everything else stays escaped, because decoding it would
//     change the address typed back or hide what it is: escaped ASCII
//     such as "%2F" or "%3F", and "%20" above all (a space would cut the
//     address where it is copied into text, and runs of spaces can hide
//     its real end, which is why Chrome keeps it too); spaces of other
//     kinds, invisible and format characters, broken UTF-8, and
//     characters that look like "/", "?", "." or a padlock;
//   - a login as "ann:***@": the user name, never the password.
//
// Typed or pasted back, what Display returns gives the same address
// except for the masked password. u is normally what Normalize returned;
// other text is shown with the same rules and made printable.
func Display(u string) string {
	if plainASCII(u) {
		return u // the common case: nothing escaped, no login, no punycode
	}
	var b strings.Builder
	b.Grow(len(u))
	rest := u
	if i := strings.Index(u, "://"); i > 0 && isSchemeSyntax(u[:i]) {
		b.WriteString(u[:i+3])
		rest = u[i+3:]
	}
	authority, tail := rest, ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority, tail = rest[:i], rest[i:]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		user, _, hasPassword := strings.Cut(authority[:at], ":")
		b.WriteString(unescapeForDisplay(user))
		if hasPassword {
			b.WriteString(":" + maskedPassword)
		}
		b.WriteByte('@')
		authority = authority[at+1:]
	}
	b.WriteString(displayHostPort(authority))
	// Only letters are ever decoded, never a delimiter, so the path,
	// query and fragment can be decoded in one pass.
	b.WriteString(unescapeForDisplay(tail))
	out := b.String()
	if !isPrintableASCII(u) {
		out = printable(out) // u was not from Normalize: make it safe to show
	}
	return out
}

// plainASCII reports whether u is printable ASCII with nothing Display
// would change: no escape, no login and no punycode label.
func plainASCII(u string) bool {
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c <= ' ' || c >= 0x7f, c == '%', c == '@':
			return false
		case (c == 'x' || c == 'X') && i+3 < len(u) && u[i+2] == '-' && u[i+3] == '-' && (u[i+1] == 'n' || u[i+1] == 'N'):
			return false
		}
	}
	return true
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// printable replaces what would garble or hide text in an interface:
// broken bytes, control characters, direction overrides and spaces other
// than the plain one.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r != utf8.RuneError && unicode.IsPrint(r) {
			return r
		}
		return '\uFFFD'
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// displayHostPort shows the site name of "host:port" in its own letters.
func displayHostPort(hostport string) string {
	host, port := hostport, ""
	if !strings.HasPrefix(hostport, "[") { // an IPv6 address is shown as it is
		if i := strings.LastIndexByte(hostport, ':'); i >= 0 {
			host, port = hostport[:i], hostport[i:]
		}
	}
	return displayHost(host) + port
}

// displayHost returns host with its punycode labels in Unicode, or host
// unchanged when a label is not valid punycode or the Unicode name is
// not safe to show.
func displayHost(host string) string {
	if plainASCII(host) {
		return host
	}
	uni, err := idna.Display.ToUnicode(host)
	if err != nil || !safeToShow(uni) {
		return host
	}
	return uni
}

// unescapeForDisplay decodes the runs of escaped bytes in s that form
// printable UTF-8 characters (see showable): those are letters in some
// language, which Normalize escapes again when they are typed back. An
// escaped ASCII character is left as written, even "%41": Normalize keeps
// it escaped, so decoding it would change the address.
func unescapeForDisplay(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var run []byte
	for i := 0; i < len(s); {
		if !isEscape(s, i) {
			b.WriteByte(s[i])
			i++
			continue
		}
		if unhex(s[i+1]) < 8 { // escaped ASCII: kept, see above
			b.WriteString(s[i : i+3])
			i += 3
			continue
		}
		// Gather the run of escaped non-ASCII bytes and decode it rune by
		// rune; each byte maps back to the three characters at i+3k.
		run = run[:0]
		j := i
		for j < len(s) && isEscape(s, j) && unhex(s[j+1]) >= 8 {
			run = append(run, unhex(s[j+1])<<4|unhex(s[j+2]))
			j += 3
		}
		for k := 0; k < len(run); {
			r, n := utf8.DecodeRune(run[k:])
			if r != utf8.RuneError && showable(r) {
				b.WriteRune(r)
			} else {
				b.WriteString(s[i+3*k : i+3*(k+n)])
			}
			k += n
		}
		i = j
	}
	return b.String()
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// showable reports whether r may appear decoded in a displayed address:
// printable, not a space (spaces other than U+0020 are not "printable"
// to unicode.IsPrint), not invisible, and not one of the characters that
// pass for the punctuation that structures an address.
func showable(r rune) bool {
	return unicode.IsPrint(r) && !unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) && !lookalikePunct[r]
}

// lookalikePunct are characters that pass for "/", "?", "#", "." or ":"
// (or a padlock) in an address bar; Chrome keeps them escaped for that
// reason.
var lookalikePunct = map[rune]bool{
	0x0337: true, 0x0338: true, // combining solidus overlays
	0x2044: true, 0x2215: true, 0x2571: true, 0x29F8: true, 0x3033: true, 0xFF0F: true, // slashes
	0xFF1F: true, 0x0294: true, 0x2047: true, 0x2048: true, 0x2049: true, // question marks
	0xFF03: true, 0xFE5F: true, // number signs
	0x2024: true, 0xFF0E: true, 0x3002: true, 0xFF61: true, // full stops
	0x2236: true, 0xFF1A: true, 0x0589: true, 0x05C3: true, // colons
	0x1F50F: true, 0x1F510: true, 0x1F512: true, 0x1F513: true, // padlocks
}
