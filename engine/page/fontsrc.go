package page

import (
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// fontFormats are the format() hints browsers load. A src entry with
// another hint (embedded-opentype, svg) is skipped by the browser, so it
// is not fetched.
var fontFormats = map[string]bool{
	"woff2": true, "woff": true, "truetype": true, "opentype": true, "collection": true,
	"woff2-variations": true, "woff-variations": true, "truetype-variations": true, "opentype-variations": true,
}

// fontSrc reads the src descriptor of an @font-face, whose url() entries
// the hooks decide together: the browser takes the first entry it can
// load, so only that one needs to be kept.
func (r *cssRewriter) fontSrc(name cssTok) {
	toks := r.collect()
	colon := skipSpace(toks, 0)
	if colon >= len(toks) || toks[colon].tt != css.ColonToken {
		r.out.Write(name.s)
		for _, t := range toks {
			r.token(t)
		}
		return
	}
	r.stmt = ""
	if n := len(toks); n > 0 && toks[n-1].tt != css.SemicolonToken {
		r.stmt = "rule" // ended by "}" or the end of the text
	}
	r.out.Write(name.s)
	start := skipSpace(toks, colon+1)
	for _, t := range toks[:start] {
		r.out.Write(t.s)
	}
	body, end := toks[start:], []cssTok(nil)
	if n := len(body); n > 0 && body[n-1].tt == css.SemicolonToken {
		body, end = body[:n-1], body[n-1:]
	}
	entries := splitCommas(body)
	for i, e := range entries {
		entries[i] = trimSpaceTokens(e)
	}
	var refs []fontRef
	urlAt := make([]int, len(entries)) // index of the url() token, or -1
	for i, e := range entries {
		urlAt[i] = -1
		for j, t := range e {
			if t.tt == css.URLToken {
				urlAt[i] = j
				refs = append(refs, fontRef{raw: cssURLValue(string(t.s)), orig: string(t.s), supported: formatSupported(e)})
				break
			}
		}
	}
	var repl []string
	if len(refs) > 0 {
		repl = r.h.fontSrc(refs)
	}
	written, k := 0, 0
	for i, e := range entries {
		text := ""
		if urlAt[i] < 0 {
			text = tokensText(e)
		} else {
			if k < len(repl) && repl[k] != "" {
				var b strings.Builder
				for j, t := range e {
					switch {
					case j == urlAt[i]:
						b.WriteString(repl[k])
					case t.tt == css.URLToken:
						// A second url() in one entry is invalid; the
						// browser loads nothing from it either.
						b.WriteString(r.h.url(cssRef{raw: cssURLValue(string(t.s)), orig: string(t.s), font: true}))
					default:
						b.Write(t.s)
					}
				}
				text = b.String()
			}
			k++
		}
		if text == "" {
			continue
		}
		if written > 0 {
			r.out.WriteString(", ")
		}
		r.out.WriteString(text)
		written++
	}
	for _, t := range end {
		r.out.Write(t.s)
	}
}

// splitCommas splits tokens at the commas outside parentheses.
func splitCommas(toks []cssTok) [][]cssTok {
	var parts [][]cssTok
	depth, start := 0, 0
	for i, t := range toks {
		switch t.tt {
		case css.FunctionToken, css.LeftParenthesisToken, css.LeftBracketToken:
			depth++
		case css.RightParenthesisToken, css.RightBracketToken:
			depth = max(depth-1, 0)
		case css.CommaToken:
			if depth == 0 {
				parts = append(parts, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, toks[start:])
}

// formatSupported reports whether a src entry has no format() hint or one
// that names a format browsers load.
func formatSupported(entry []cssTok) bool {
	for i, t := range entry {
		if !isFunction(t, "format") {
			continue
		}
		inner, _ := functionBody(entry, i)
		for _, f := range strings.Split(inner, ",") {
			f = strings.ToLower(strings.Trim(strings.TrimSpace(f), `"'`))
			if fontFormats[f] {
				return true
			}
		}
		return false
	}
	return true
}

// trimSpaceTokens drops white space and comment tokens at both ends.
func trimSpaceTokens(toks []cssTok) []cssTok {
	isSpace := func(t cssTok) bool { return t.tt == css.WhitespaceToken || t.tt == css.CommentToken }
	for len(toks) > 0 && isSpace(toks[0]) {
		toks = toks[1:]
	}
	for len(toks) > 0 && isSpace(toks[len(toks)-1]) {
		toks = toks[:len(toks)-1]
	}
	return toks
}

func tokensText(toks []cssTok) string {
	var b strings.Builder
	for _, t := range toks {
		b.Write(t.s)
	}
	return b.String()
}
