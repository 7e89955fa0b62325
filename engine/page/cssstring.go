package page

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// cssUnescape decodes the backslash escapes of CSS (a hex code point with
// an optional space after it, or any other character taken literally; a
// backslash before a newline disappears, as inside strings).
func cssUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		switch {
		case isHex(s[i]):
			j := i
			for j < len(s) && j-i < 6 && isHex(s[j]) {
				j++
			}
			cp, _ := strconv.ParseUint(s[i:j], 16, 32)
			r := rune(cp)
			if r == 0 || r > utf8.MaxRune || (0xD800 <= r && r <= 0xDFFF) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
			if j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
				j++
			} else if j+1 < len(s) && s[j] == '\r' && s[j+1] == '\n' {
				j += 2
			} else if j < len(s) && (s[j] == '\r' || s[j] == '\f') {
				j++
			}
			i = j - 1
		case s[i] == '\n' || s[i] == '\f':
		case s[i] == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size - 1
		}
	}
	return b.String()
}

// cssStringValue is the value of a CSS string token, quotes removed and
// escapes decoded. A bad string (cut by a newline) has no closing quote.
func cssStringValue(tok string) string {
	if tok == "" {
		return ""
	}
	q := tok[0]
	tok = tok[1:]
	if strings.HasSuffix(tok, string(q)) && !strings.HasSuffix(tok, `\`+string(q)) || strings.HasSuffix(tok, `\\`+string(q)) {
		tok = tok[:len(tok)-1]
	}
	return cssUnescape(tok)
}

// cssURLValue is the address inside a url() token, quoted or not.
func cssURLValue(tok string) string {
	open := strings.IndexByte(tok, '(')
	if open < 0 {
		return ""
	}
	v := strings.TrimSuffix(tok[open+1:], ")")
	v = strings.Trim(v, " \t\n\r\f")
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		return cssStringValue(v)
	}
	return cssUnescape(v)
}

// cssQuote writes s as a CSS string in double quotes.
func cssQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// cssURL is a url() token for s.
func cssURL(s string) string { return "url(" + cssQuote(s) + ")" }

// styleSafe makes CSS safe inside a <style> element: "</style" would end
// the element, so its slash is escaped, which CSS reads as the same slash
// in strings, comments and URLs alike.
func styleSafe(css string) string {
	i := indexFold(css, "</style")
	if i < 0 {
		return css
	}
	var b strings.Builder
	b.Grow(len(css) + 8)
	for i >= 0 {
		b.WriteString(css[:i+1])
		b.WriteByte('\\')
		css = css[i+1:]
		i = indexFold(css, "</style")
	}
	b.WriteString(css)
	return b.String()
}

// indexFold is the index of the first ASCII case-insensitive match of sub
// in s, or -1.
func indexFold(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return 0
	}
	first := lowerASCII(sub[0])
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) == first && equalFoldASCII(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFoldASCII compares a and b ignoring the case of ASCII letters only,
// as HTML's tokenizer does.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}
