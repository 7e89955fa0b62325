package page

import (
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// importRule reads an @import rule. A valid one goes to the hooks and
// leaves the text; one after other rules is dropped, as browsers ignore
// it; one followed by a block is not an @import at all and stays.
func (r *cssRewriter) importRule(at cssTok) {
	toks := r.collect()
	if next := r.toks.next(); next.tt == css.LeftBraceToken {
		r.toks.push(next)
		r.out.Write(at.s)
		for _, t := range toks {
			r.out.Write(t.s)
		}
		r.importsOK = false
		return
	} else if next.tt != css.ErrorToken {
		r.toks.push(next)
	}
	r.stmt = ""
	if !r.importsOK {
		return
	}
	if im, ok := parseImport(toks); ok {
		r.h.importRule(im)
	}
}

// parseImport reads the prelude of an @import: its address, then layer,
// supports() and a media query list, each optional, in that order.
func parseImport(toks []cssTok) (cssImport, bool) {
	var im cssImport
	i := skipSpace(toks, 0)
	if i >= len(toks) {
		return im, false
	}
	switch toks[i].tt {
	case css.URLToken:
		im.raw = cssURLValue(string(toks[i].s))
	case css.StringToken:
		im.raw = cssStringValue(string(toks[i].s))
	default:
		return im, false
	}
	i = skipSpace(toks, i+1)
	if i < len(toks) && toks[i].tt == css.IdentToken && strings.EqualFold(string(toks[i].s), "layer") {
		im.layer = true
		i = skipSpace(toks, i+1)
	} else if i < len(toks) && isFunction(toks[i], "layer") {
		inner, next := functionBody(toks, i)
		im.layer, im.layerName = true, strings.TrimSpace(inner)
		i = skipSpace(toks, next)
	}
	if i < len(toks) && isFunction(toks[i], "supports") {
		inner, next := functionBody(toks, i)
		im.supports = strings.TrimSpace(inner)
		i = skipSpace(toks, next)
	}
	var media strings.Builder
	for ; i < len(toks); i++ {
		if toks[i].tt != css.SemicolonToken {
			media.Write(toks[i].s)
		}
	}
	im.media = strings.TrimSpace(media.String())
	return im, true
}

// skipSpace is the index of the first token from i that is not white
// space or a comment.
func skipSpace(toks []cssTok, i int) int {
	for i < len(toks) && (toks[i].tt == css.WhitespaceToken || toks[i].tt == css.CommentToken) {
		i++
	}
	return i
}

func isFunction(t cssTok, name string) bool {
	return t.tt == css.FunctionToken && strings.EqualFold(strings.TrimSuffix(string(t.s), "("), name)
}

// functionBody is the text between the function token at i and its
// closing parenthesis, and the index after that parenthesis.
func functionBody(toks []cssTok, i int) (string, int) {
	var b strings.Builder
	depth := 0
	for i++; i < len(toks); i++ {
		switch toks[i].tt {
		case css.FunctionToken, css.LeftParenthesisToken, css.LeftBracketToken:
			depth++
		case css.RightParenthesisToken, css.RightBracketToken:
			if depth == 0 {
				return b.String(), i + 1
			}
			depth--
		}
		b.Write(toks[i].s)
	}
	return b.String(), i
}
