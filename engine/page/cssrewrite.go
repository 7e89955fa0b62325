package page

import (
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// cssRef is one address met in CSS outside @import and @font-face src.
type cssRef struct {
	raw   string // the address as written, escapes decoded
	orig  string // the token as written, to keep it unchanged
	font  bool   // inside @font-face
	varOK bool   // var() may stand for it: a declaration of a style rule or a style attribute
}

// fontRef is one url() entry of an @font-face src list.
type fontRef struct {
	raw       string
	orig      string
	supported bool // no format hint, or a format browsers load
}

// cssImport is an @import rule in a place where it counts (before every
// other rule but @charset and @layer statements).
type cssImport struct {
	raw       string // the address as written, escapes decoded
	layer     bool   // layer or layer(name)
	layerName string
	supports  string // what supports() holds, "" for none
	media     string // the media query list, "" for none
}

// cssHooks decide what each address in a stylesheet becomes. rewriteCSS
// calls them in source order.
type cssHooks interface {
	// url returns the text written in place of r.orig.
	url(r cssRef) string
	// fontSrc returns, for each url() entry of an @font-face src list, the
	// text written in place of its url() token, or "" to drop the entry.
	fontSrc(refs []fontRef) []string
	// importRule is told of each valid @import; the rule itself is
	// dropped from the text.
	importRule(im cssImport)
}

// cssResult is a rewritten stylesheet.
type cssResult struct {
	text       string // without @charset, @import and @namespace rules
	namespaces string // the @namespace rules, each ending in ";"
}

// rewriteCSS rewrites every address in a stylesheet (or, inline, a style
// attribute) through h, token by token, leaving all else byte for byte.
// Only @charset (meaningless once the text is UTF-8 in a page), @import
// (emitted apart by the caller) and @namespace (hoisted by the caller)
// leave the text.
func rewriteCSS(src string, inline bool, h cssHooks) cssResult {
	r := &cssRewriter{
		toks:      cssTokens{lex: css.NewLexer(parse.NewInputString(src))},
		inline:    inline,
		h:         h,
		importsOK: !inline,
	}
	r.out.Grow(len(src))
	for {
		t := r.toks.next()
		if t.tt == css.ErrorToken {
			break
		}
		r.token(t)
	}
	return cssResult{text: r.out.String(), namespaces: r.ns.String()}
}

type cssRewriter struct {
	toks      cssTokens
	inline    bool
	h         cssHooks
	out, ns   strings.Builder
	importsOK bool
	// stmt is how the statement being read began: "" before its first
	// token, "@name" for an at-rule, "rule" for anything else.
	stmt   string
	blocks []string // the kind of each open {} block, outermost first
	fns    []string // open functions ("name"), parentheses and brackets
}

func (r *cssRewriter) token(t cssTok) {
	switch t.tt {
	case css.WhitespaceToken, css.CommentToken, css.CDOToken, css.CDCToken:
		r.out.Write(t.s)
		return
	}
	if r.stmt == "" {
		r.stmt = "rule"
		if t.tt == css.AtKeywordToken {
			r.stmt = strings.ToLower(string(t.s))
		}
		if r.statementStart(t) {
			return
		}
	}
	switch t.tt {
	case css.LeftBraceToken:
		if r.stmt == "@layer" && len(r.blocks) == 0 {
			r.importsOK = false
		}
		r.blocks = append(r.blocks, r.stmt)
		r.stmt, r.fns = "", r.fns[:0]
	case css.RightBraceToken:
		if len(r.blocks) > 0 {
			r.blocks = r.blocks[:len(r.blocks)-1]
		}
		r.stmt, r.fns = "", r.fns[:0]
	case css.SemicolonToken:
		if len(r.fns) == 0 {
			r.stmt = ""
		}
	case css.FunctionToken:
		r.fns = append(r.fns, strings.ToLower(strings.TrimSuffix(string(t.s), "(")))
	case css.LeftParenthesisToken:
		r.fns = append(r.fns, "(")
	case css.LeftBracketToken:
		r.fns = append(r.fns, "[")
	case css.RightParenthesisToken, css.RightBracketToken:
		if len(r.fns) > 0 {
			r.fns = r.fns[:len(r.fns)-1]
		}
	case css.URLToken:
		if !r.inPrelude() {
			r.out.WriteString(r.h.url(r.ref(cssURLValue(string(t.s)), t)))
			return
		}
	case css.StringToken:
		if len(r.fns) > 0 && isImageSet(r.fns[len(r.fns)-1]) && !r.inPrelude() {
			r.out.WriteString(r.h.url(r.ref(cssStringValue(string(t.s)), t)))
			return
		}
	}
	r.out.Write(t.s)
}

// statementStart handles the statements that need more than one token at
// a time; it reports whether it consumed the statement.
func (r *cssRewriter) statementStart(t cssTok) bool {
	if len(r.blocks) == 0 && !r.inline {
		switch r.stmt {
		case "@charset":
			r.collect()
			r.stmt = ""
			return true
		case "@import":
			r.importRule(t)
			return true
		case "@namespace":
			r.importsOK = false
			r.ns.Write(t.s)
			for _, c := range r.collect() {
				r.ns.Write(c.s)
			}
			r.ns.WriteByte('\n')
			r.stmt = ""
			return true
		case "@layer":
			// A statement (@layer a, b;) keeps later @imports valid; a
			// block does not (see LeftBraceToken).
		default:
			r.importsOK = false
		}
	}
	if t.tt == css.IdentToken && r.top() == "@font-face" && strings.EqualFold(string(t.s), "src") {
		r.fontSrc(t)
		return true
	}
	return false
}

func (r *cssRewriter) ref(raw string, t cssTok) cssRef {
	return cssRef{raw: raw, orig: string(t.s), font: r.within("@font-face"), varOK: r.varOK()}
}

func isImageSet(fn string) bool { return fn == "image-set" || fn == "-webkit-image-set" }

// inPrelude reports whether the token is in an at-rule's prelude, where a
// url() names no resource (@namespace, @document).
func (r *cssRewriter) inPrelude() bool { return strings.HasPrefix(r.stmt, "@") }

func (r *cssRewriter) top() string {
	if len(r.blocks) == 0 {
		return ""
	}
	return r.blocks[len(r.blocks)-1]
}

func (r *cssRewriter) within(kind string) bool {
	for _, b := range r.blocks {
		if b == kind {
			return true
		}
	}
	return false
}

// descriptorRules hold descriptors, not properties: var() means nothing
// there.
var descriptorRules = map[string]bool{
	"@font-face": true, "@counter-style": true, "@property": true, "@font-palette-values": true,
	"@font-feature-values": true, "@view-transition": true, "@color-profile": true,
}

func (r *cssRewriter) varOK() bool {
	if !r.inline && len(r.blocks) == 0 {
		return false
	}
	for _, b := range r.blocks {
		if descriptorRules[b] {
			return false
		}
	}
	return true
}

// collect reads the rest of a statement: up to and with its ";", or up to
// a "{" or "}" at its top level (left for the main loop), or to the end of
// the text.
func (r *cssRewriter) collect() []cssTok {
	var toks []cssTok
	depth := 0
	for {
		t := r.toks.next()
		switch t.tt {
		case css.ErrorToken:
			return toks
		case css.FunctionToken, css.LeftParenthesisToken, css.LeftBracketToken:
			depth++
		case css.RightParenthesisToken, css.RightBracketToken:
			depth = max(depth-1, 0)
		case css.SemicolonToken:
			if depth == 0 {
				return append(toks, t)
			}
		case css.LeftBraceToken, css.RightBraceToken:
			r.toks.push(t)
			return toks
		}
		toks = append(toks, t)
	}
}

// cssTok is one token; s points into the stylesheet's text.
type cssTok struct {
	tt css.TokenType
	s  []byte
}

// cssTokens reads tokens with room to push some back.
type cssTokens struct {
	lex  *css.Lexer
	back []cssTok
}

func (c *cssTokens) next() cssTok {
	if n := len(c.back); n > 0 {
		t := c.back[n-1]
		c.back = c.back[:n-1]
		return t
	}
	tt, s := c.lex.Next()
	return cssTok{tt, s}
}

func (c *cssTokens) push(t cssTok) { c.back = append(c.back, t) }
