package address

import "strings"

// plainASCIIHost returns host lower-cased when it is an ordinary ASCII
// name that idna.Lookup would return unchanged apart from case, so the
// common case skips the much slower IDNA mapping (a 100,000-line paste
// spends most of its time there otherwise). It mirrors Lookup's rules for
// ASCII: letters, digits and hyphens; no label starting or ending with a
// hyphen or with "--" in third and fourth place (which also covers
// punycode "xn--" labels, so those still get their full check).
func plainASCIIHost(host string) (string, bool) {
	start := 0
	hasUpper := false
	for i := 0; i <= len(host); i++ {
		if i < len(host) && host[i] != '.' {
			c := host[i]
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-':
			case 'A' <= c && c <= 'Z':
				hasUpper = true
			default:
				return "", false
			}
			continue
		}
		label := host[start:i]
		start = i + 1
		if label == "" {
			continue // empty labels are judged by the caller, as for Lookup
		}
		if label[0] == '-' || label[len(label)-1] == '-' || len(label) >= 4 && label[2] == '-' && label[3] == '-' {
			return "", false
		}
	}
	if hasUpper {
		return strings.ToLower(host), true
	}
	return host, true
}
