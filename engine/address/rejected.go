package address

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// displayRunes is how much of a rejected line is shown; enough to
// recognise it, short enough that a pasted essay does not flood the list.
const displayRunes = 200

// rejectedText is a rejected line as the list of lines not added shows
// it: a password in it is masked like any other address's.
func rejectedText(line string) string {
	return displayText(Redact(line))
}

// displayText makes a rejected line safe to show: control characters,
// direction overrides and broken bytes would otherwise garble or hide text
// in the interface.
func displayText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == displayRunes {
			b.WriteString("…")
			break
		}
		n++
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}
