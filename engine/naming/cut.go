package naming

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cut shortens s to at most max bytes. It prefers to stop between whole
// characters, so an accent is never separated from its letter, and falls
// back to a rune boundary; it never leaves half a rune, which would make
// the name invalid UTF-8.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	pos := 0
	for pos < len(s) {
		n := norm.NFC.NextBoundaryInString(s[pos:], true)
		if n <= 0 || pos+n > max {
			break
		}
		pos += n
	}
	if pos > 0 {
		return s[:pos]
	}
	pos = max
	for pos > 0 && !utf8.RuneStart(s[pos]) {
		pos--
	}
	return s[:pos]
}
