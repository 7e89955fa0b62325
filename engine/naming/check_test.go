package naming

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// unsafeReason says why name is not a safe name of at most maxBytes bytes,
// or returns "" when it is. It restates Safe's promises independently of
// Safe's code, so tests and fuzzers can check any function's output.
func unsafeReason(name string, maxBytes int) string {
	switch {
	case !utf8.ValidString(name):
		return "invalid UTF-8"
	case name == "":
		return "empty"
	case name == "." || name == "..":
		return "dot name"
	case len(name) > maxBytes:
		return fmt.Sprintf("%d bytes, over %d", len(name), maxBytes)
	case strings.ContainsAny(name, "<>:\"/\\|?*\u2028\u2029\uFEFF"):
		return "forbidden character"
	case strings.HasPrefix(name, "."):
		return "hidden (leading dot)"
	case !norm.NFC.IsNormalString(name):
		return "not NFC"
	}
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return fmt.Sprintf("control character %U", r)
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	if unicode.IsSpace(first) {
		return "leading space"
	}
	if last == '.' || unicode.IsSpace(last) {
		return "trailing dot or space"
	}
	if base, bad := reservedBase(name); bad {
		return "reserved Windows name " + base
	}
	return ""
}
