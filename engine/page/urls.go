package page

import (
	"net/url"
	"strings"
)

// cleanRef tidies a URL as written the way browsers do before parsing:
// surrounding spaces and control characters go, tabs and newlines inside
// go, a backslash before the query means a slash, and a "%" that starts no
// escape is escaped itself (net/url would refuse it).
func cleanRef(raw string) string {
	raw = strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(raw, "\t\n\r") {
		raw = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(raw)
	}
	end := strings.IndexAny(raw, "?#")
	if end < 0 {
		end = len(raw)
	}
	if strings.Contains(raw[:end], `\`) {
		raw = strings.ReplaceAll(raw[:end], `\`, "/") + raw[end:]
	}
	if !strings.ContainsAny(raw, "% ") {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '%' && (i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2])):
			b.WriteString("%25")
		case c == ' ':
			b.WriteString("%20")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// resolve parses raw against base. It fails for an empty reference and for
// one even a lenient reading cannot parse.
func resolve(base *url.URL, raw string) (*url.URL, bool) {
	raw = cleanRef(raw)
	if raw == "" {
		return nil, false
	}
	ref, err := url.Parse(raw)
	if err != nil {
		return nil, false
	}
	if base == nil {
		return ref, ref.IsAbs()
	}
	return base.ResolveReference(ref), true
}

// isWeb reports whether u can be fetched: an http or https address with a
// host.
func isWeb(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// hasScheme reports whether raw starts with a scheme ("mailto:",
// "data:"), so it is not relative to anything.
func hasScheme(raw string) bool {
	raw = cleanRef(raw)
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return true
		default:
			return false
		}
	}
	return false
}

// wantKey is the address a resource is wanted and stored under: absolute,
// without its fragment, in the form urlString gives.
func wantKey(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return urlString(&c)
}

// urlString is u as a string that is safe unquoted in HTML attributes and
// quoted in CSS: the characters browsers percent-encode anyway ('"', "'",
// '<', '>', '`', '\', spaces, controls and non-ASCII) are percent-encoded.
// Only '&' still needs escaping in HTML, which html.Render does.
func urlString(u *url.URL) string { return safeURL(u.String()) }

// safeURL percent-encodes in s what urlString promises to leave out.
func safeURL(s string) string {
	var b strings.Builder
	escaped := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0x7f && strings.IndexByte("\"'<>`\\{}|^", c) < 0 {
			if escaped {
				b.WriteByte(c)
			}
			continue
		}
		if !escaped {
			escaped = true
			b.Grow(len(s) + 8)
			b.WriteString(s[:i])
		}
		const hexDigits = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	if !escaped {
		return s
	}
	return b.String()
}

// fragmentOf is "#frag" when u has a fragment, else "".
func fragmentOf(u *url.URL) string {
	if u.Fragment == "" && u.RawFragment == "" {
		return ""
	}
	return safeURL("#" + u.EscapedFragment())
}
