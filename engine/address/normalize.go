package address

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize turns one pasted line into the canonical address pagekeeper
// keeps, e.g. "Example.COM:443/a#top" into "https://example.com/a". The
// error's message is a plain sentence for the person who pasted the line.
//
// Two lines that load the same page should normalize to the same text, so
// duplicates can be spotted; the result always parses with net/url.
func Normalize(line string) (string, error) {
	s := strings.TrimSpace(line)
	if s == "" {
		return "", reasonEmpty
	}
	if err := checkText(s); err != nil {
		return "", err
	}

	scheme, rest := splitScheme(s)
	switch scheme {
	case "":
		if looksMistyped(s) {
			return "", reasonMistyped
		}
		// No scheme means the person typed what they would type in a
		// browser; "//host/x" (scheme-relative) is accepted too.
		scheme, rest = "https", strings.TrimPrefix(s, "//")
	case "http", "https":
		// Browsers accept "https:/x", "https:x" and backslashes here.
		rest = strings.TrimLeft(rest, "/\\")
	default:
		return "", notWeb(scheme)
	}

	rest, _, _ = strings.Cut(rest, "#") // the fragment never reaches the server
	rest, query, hasQuery := strings.Cut(rest, "?")
	rest = strings.ReplaceAll(rest, "\\", "/")
	authority, path := rest, ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}

	if hasSpace(authority) {
		return "", reasonSpaces
	}
	userinfo := ""
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		userinfo, authority = authority[:i], authority[i+1:]
	}
	host, port, err := splitHostPort(authority)
	if err != nil {
		return "", err
	}
	if host, err = normalizeHost(host); err != nil {
		return "", err
	}
	if port, err = normalizePort(port, scheme); err != nil {
		return "", err
	}

	if path == "" {
		path = "/"
	}
	path = removeDotSegments(encode(path, pathKeep))

	var b strings.Builder
	b.Grow(len(scheme) + 3 + len(userinfo) + 1 + len(host) + 6 + len(path) + 1 + len(query))
	b.WriteString(scheme)
	b.WriteString("://")
	if userinfo != "" {
		b.WriteString(userinfoString(userinfo))
		b.WriteByte('@')
	}
	b.WriteString(host)
	if port != "" {
		b.WriteByte(':')
		b.WriteString(port)
	}
	b.WriteString(path)
	// An empty query ("page?") is dropped: servers treat it like no query.
	if hasQuery && query != "" {
		b.WriteByte('?')
		b.WriteString(encode(query, queryKeep))
	}
	out := b.String()
	if len(out) > MaxLength { // percent-encoding can push an address over
		return "", reasonTooLong
	}
	return out, nil
}

// checkText rejects what cannot be an address whatever its structure.
// Spaces are allowed here: in a path or query a browser sends them
// percent-encoded, and hasSpace refuses them in the site name.
func checkText(s string) error {
	if len(s) > MaxLength && utf8.RuneCountInString(s) > MaxLength {
		return reasonTooLong
	}
	if !utf8.ValidString(s) {
		return reasonBadText
	}
	for _, r := range s {
		if r < utf8.RuneSelf && r >= ' ' && r != 0x7f {
			continue // fast path for the printable ASCII most lines are
		}
		switch {
		case r == '\t':
			// Browsers silently drop tabs, but in pasted text a tab
			// nearly always separates columns, and gluing a title onto
			// an address would keep the wrong page.
			return reasonTab
		case unicode.IsControl(r):
			return reasonControl
		}
	}
	return nil
}

// hasSpace reports whether an authority (login, site name and port) holds
// white space. "email me@example.com" is a sentence, not an address, and
// no site name can contain a space.
func hasSpace(authority string) bool {
	for i := 0; i < len(authority); i++ {
		c := authority[i]
		if c == ' ' {
			return true
		}
		if c >= utf8.RuneSelf {
			return strings.IndexFunc(authority[i:], unicode.IsSpace) >= 0
		}
	}
	return false
}
