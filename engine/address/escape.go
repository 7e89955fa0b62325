package address

import "strings"

const upperHex = "0123456789ABCDEF"

// Byte sets that may stay as they are in each part. Everything else is
// percent-encoded, so the result parses with net/url and prints back
// unchanged (url.URL.String is then a no-op on our output).
var (
	// Path: RFC 3986 pchar plus "[" and "]", which browsers leave alone.
	pathKeep = keepSet("-._~!$&'()*+,;=:@/[]")
	// Query: browsers only encode a few bytes here, and servers may sign
	// the raw query, so touch as little as possible.
	queryKeep = keepSet("-._~!$&'()*+,;=:@/?[]{}|\\^%")
)

func keepSet(extra string) *[256]bool {
	var t [256]bool
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for i := 0; i < len(extra); i++ {
		t[extra[i]] = true
	}
	return &t
}

// encode percent-encodes the bytes of s that keep does not allow. An
// existing "%XX" escape is left exactly as written so pasted, already
// encoded addresses are not encoded twice; a stray "%" becomes "%25"
// unless keep allows "%" itself.
func encode(s string, keep *[256]bool) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !keep[s[i]] && !isEscape(s, i) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keep[c] || isEscape(s, i) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

// isEscape reports whether s[i] starts a well-formed "%XX" escape.
func isEscape(s string, i int) bool {
	return s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
