package page

import (
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// viewport is the window a media query is evaluated for. The saved page
// is chosen for desktop: a light-themed screen with a fine pointer,
// DesktopWidth by DesktopHeight CSS pixels at one device pixel each.
type viewport struct {
	width, height, dpr float64
}

var desktop = viewport{width: DesktopWidth, height: DesktopHeight, dpr: 1}

// mediaTokens is a media query or sizes value as tokens, without white
// space and comments (they separate tokens but mean nothing else here).
func mediaTokens(s string) []cssTok {
	l := css.NewLexer(parse.NewInputString(s))
	var toks []cssTok
	for {
		tt, data := l.Next()
		switch tt {
		case css.ErrorToken:
			return toks
		case css.WhitespaceToken, css.CommentToken:
			continue
		}
		toks = append(toks, cssTok{tt, data})
	}
}

// matchMedia reports whether a media query list (from a media attribute)
// matches the viewport. An empty list matches.
func (v viewport) matchMedia(list string) bool {
	toks := mediaTokens(list)
	if len(toks) == 0 {
		return true
	}
	for _, q := range splitCommas(toks) {
		if v.query(q) {
			return true
		}
	}
	return false
}

// query evaluates one media query: [not|only] type [and condition], or a
// condition alone.
func (v viewport) query(toks []cssTok) bool {
	if len(toks) == 0 {
		return false
	}
	negate := false
	i := 0
	if isIdent(toks[0], "not") && len(toks) > 1 && toks[1].tt == css.IdentToken {
		negate, i = true, 1
	} else if isIdent(toks[0], "only") {
		i = 1
	}
	if i < len(toks) && toks[i].tt == css.IdentToken && !isIdent(toks[i], "not") {
		typ := strings.ToLower(string(toks[i].s))
		ok := typ == "all" || typ == "screen"
		i++
		if i < len(toks) {
			if !isIdent(toks[i], "and") {
				return false
			}
			ok = ok && v.condition(toks[i+1:])
		}
		return ok != negate
	}
	return v.condition(toks[i:])
}

// condition evaluates "not X", "X and Y and ..." or "X or Y or ...",
// where each X is in parentheses.
func (v viewport) condition(toks []cssTok) bool {
	if len(toks) == 0 {
		return false
	}
	if isIdent(toks[0], "not") {
		inner, rest := parenGroup(toks[1:])
		return len(rest) == 0 && inner != nil && !v.inParens(inner)
	}
	result, op := false, ""
	for first := true; len(toks) > 0; first = false {
		if !first {
			if toks[0].tt != css.IdentToken {
				return false
			}
			word := strings.ToLower(string(toks[0].s))
			if (word != "and" && word != "or") || (op != "" && op != word) {
				return false
			}
			op, toks = word, toks[1:]
		}
		inner, rest := parenGroup(toks)
		if inner == nil {
			return false
		}
		ok := v.inParens(inner)
		switch {
		case first:
			result = ok
		case op == "and":
			result = result && ok
		default:
			result = result || ok
		}
		toks = rest
	}
	return result
}

// parenGroup splits "( ... ) rest" into the tokens inside the parentheses
// and the rest; inside is nil when toks does not start with a group.
func parenGroup(toks []cssTok) (inside, rest []cssTok) {
	if len(toks) == 0 || toks[0].tt != css.LeftParenthesisToken {
		return nil, toks
	}
	depth := 0
	for i, t := range toks {
		switch t.tt {
		case css.LeftParenthesisToken, css.FunctionToken:
			depth++
		case css.RightParenthesisToken:
			depth--
			if depth == 0 {
				return append([]cssTok{}, toks[1:i]...), toks[i+1:]
			}
		}
	}
	return nil, toks
}

// inParens evaluates what one pair of parentheses holds: a nested
// condition, a feature with a value, a boolean feature or a range.
func (v viewport) inParens(toks []cssTok) bool {
	if len(toks) == 0 {
		return false
	}
	if toks[0].tt == css.LeftParenthesisToken || isIdent(toks[0], "not") {
		return v.condition(toks)
	}
	if toks[0].tt == css.IdentToken && len(toks) == 1 {
		return v.boolFeature(strings.ToLower(string(toks[0].s)))
	}
	if toks[0].tt == css.IdentToken && len(toks) >= 3 && toks[1].tt == css.ColonToken {
		return v.feature(strings.ToLower(string(toks[0].s)), toks[2:])
	}
	return v.rangeFeature(toks)
}

// sourceSize evaluates a sizes attribute: the length of the first entry
// whose media condition matches, 100vw when none does or sizes is absent
// or "auto" (the layout width a lazy image would use is not known here).
func (v viewport) sourceSize(sizes string) float64 {
	for _, entry := range splitCommas(mediaTokens(sizes)) {
		if len(entry) == 0 {
			continue
		}
		lenStart := len(entry) - 1
		if entry[lenStart].tt == css.RightParenthesisToken {
			// A calc() at the end: find its function token.
			depth := 0
			for i := len(entry) - 1; i >= 0; i-- {
				switch entry[i].tt {
				case css.RightParenthesisToken:
					depth++
				case css.LeftParenthesisToken, css.FunctionToken:
					depth--
				}
				if depth == 0 {
					lenStart = i
					break
				}
			}
			if entry[lenStart].tt != css.FunctionToken {
				continue // a media condition with no length: invalid
			}
		}
		cond := entry[:lenStart]
		if len(cond) > 0 && !v.condition(cond) {
			continue
		}
		if isIdent(entry[lenStart], "auto") {
			return v.width
		}
		if size, ok := v.length(entry[lenStart:]); ok && size >= 0 {
			return size
		}
	}
	return v.width
}
