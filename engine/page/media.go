package page

import (
	"strconv"
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

// boolFeature is a feature named without a value: true when it is not
// zero or "none" on a desktop screen.
func (v viewport) boolFeature(name string) bool {
	switch name {
	case "width", "height", "device-width", "device-height", "color", "hover", "any-hover",
		"pointer", "any-pointer", "resolution", "orientation", "aspect-ratio", "scripting", "update":
		return true
	}
	return false
}

// feature evaluates "(name: value)", with min- and max- prefixes.
func (v viewport) feature(name string, value []cssTok) bool {
	prefix := ""
	if strings.HasPrefix(name, "min-") || strings.HasPrefix(name, "max-") {
		prefix, name = name[:4], name[4:]
	}
	name = strings.TrimPrefix(name, "-webkit-")
	actual, isNumber := v.numericFeature(name)
	if isNumber {
		want, ok := v.featureValue(name, value)
		if !ok {
			return false
		}
		switch prefix {
		case "min-":
			return actual >= want
		case "max-":
			return actual <= want
		}
		return actual == want
	}
	if prefix != "" || len(value) != 1 || value[0].tt != css.IdentToken {
		return false
	}
	got := strings.ToLower(string(value[0].s))
	switch name {
	case "orientation":
		return got == "landscape"
	case "prefers-color-scheme":
		return got == "light"
	case "prefers-reduced-motion", "prefers-reduced-transparency", "prefers-reduced-data", "prefers-contrast":
		return got == "no-preference"
	case "hover", "any-hover":
		return got == "hover"
	case "pointer", "any-pointer":
		return got == "fine"
	case "scripting":
		return got == "enabled"
	case "display-mode":
		return got == "browser"
	case "forced-colors", "inverted-colors":
		return got == "none"
	case "update":
		return got == "fast"
	case "dynamic-range", "video-dynamic-range":
		return got == "standard"
	}
	return false
}

// numericFeature is the viewport's value of a numeric feature.
func (v viewport) numericFeature(name string) (float64, bool) {
	switch name {
	case "width", "device-width":
		return v.width, true
	case "height", "device-height":
		return v.height, true
	case "resolution", "device-pixel-ratio":
		return v.dpr, true
	case "aspect-ratio", "device-aspect-ratio":
		return v.width / v.height, true
	case "color":
		return 8, true
	case "monochrome", "grid", "color-index":
		return 0, true
	}
	return 0, false
}

// featureValue reads the value a numeric feature is compared with, in the
// feature's unit (CSS pixels, dppx or a ratio).
func (v viewport) featureValue(name string, toks []cssTok) (float64, bool) {
	switch name {
	case "aspect-ratio", "device-aspect-ratio":
		if len(toks) == 3 && toks[1].tt == css.DelimToken && string(toks[1].s) == "/" {
			a, ok1 := number(toks[0])
			b, ok2 := number(toks[2])
			return a / b, ok1 && ok2 && b != 0
		}
		if len(toks) == 1 {
			return number(toks[0])
		}
		return 0, false
	case "resolution":
		if len(toks) != 1 {
			return 0, false
		}
		return resolutionValue(toks[0])
	case "device-pixel-ratio", "color", "monochrome", "grid", "color-index":
		if len(toks) != 1 {
			return 0, false
		}
		return number(toks[0])
	}
	return v.length(toks)
}

// rangeFeature evaluates the range syntax: (width >= 600px),
// (400px < width <= 800px).
func (v viewport) rangeFeature(toks []cssTok) bool {
	var parts [][]cssTok
	var ops []string
	start := 0
	for i := 0; i < len(toks); i++ {
		if toks[i].tt != css.DelimToken {
			continue
		}
		op := string(toks[i].s)
		if op != "<" && op != ">" && op != "=" {
			continue
		}
		if op != "=" && i+1 < len(toks) && toks[i+1].tt == css.DelimToken && string(toks[i+1].s) == "=" {
			op += "="
			parts = append(parts, toks[start:i])
			i++
		} else {
			parts = append(parts, toks[start:i])
		}
		ops = append(ops, op)
		start = i + 1
	}
	parts = append(parts, toks[start:])
	if len(ops) == 0 || len(ops) > 2 {
		return false
	}
	name := ""
	values := make([]float64, len(parts))
	for i, p := range parts {
		if len(p) == 1 && p[0].tt == css.IdentToken {
			if name != "" {
				return false
			}
			n := strings.ToLower(string(p[0].s))
			actual, ok := v.numericFeature(n)
			if !ok {
				return false
			}
			name, values[i] = n, actual
		}
	}
	if name == "" {
		return false
	}
	for i, p := range parts {
		if len(p) == 1 && p[0].tt == css.IdentToken {
			continue
		}
		val, ok := v.featureValue(name, p)
		if !ok {
			return false
		}
		values[i] = val
	}
	for i, op := range ops {
		a, b := values[i], values[i+1]
		ok := false
		switch op {
		case "<":
			ok = a < b
		case "<=":
			ok = a <= b
		case ">":
			ok = a > b
		case ">=":
			ok = a >= b
		case "=":
			ok = a == b
		}
		if !ok {
			return false
		}
	}
	return true
}

// length reads a length in CSS pixels: a dimension, a zero, or a calc()
// of them.
func (v viewport) length(toks []cssTok) (float64, bool) {
	if len(toks) == 1 {
		return v.dimension(toks[0])
	}
	if len(toks) > 1 && isFunction(toks[0], "calc") && toks[len(toks)-1].tt == css.RightParenthesisToken {
		c := calc{v: v, toks: toks[1 : len(toks)-1]}
		val := c.sum()
		return val, c.ok && c.pos == len(c.toks)
	}
	return 0, false
}

// dimension reads one length token.
func (v viewport) dimension(t cssTok) (float64, bool) {
	switch t.tt {
	case css.NumberToken:
		n, ok := number(t)
		return n, ok && n == 0
	case css.DimensionToken:
	default:
		return 0, false
	}
	num, unit := splitDimension(string(t.s))
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	switch strings.ToLower(unit) {
	case "px":
		return n, true
	case "em", "rem":
		return n * 16, true
	case "vw", "svw", "lvw", "dvw":
		return n * v.width / 100, true
	case "vh", "svh", "lvh", "dvh":
		return n * v.height / 100, true
	case "vmin":
		return n * min(v.width, v.height) / 100, true
	case "vmax":
		return n * max(v.width, v.height) / 100, true
	case "cm":
		return n * 96 / 2.54, true
	case "mm":
		return n * 96 / 25.4, true
	case "in":
		return n * 96, true
	case "pt":
		return n * 96 / 72, true
	case "pc":
		return n * 16, true
	}
	return 0, false
}

// resolutionValue reads a resolution in dots per CSS pixel.
func resolutionValue(t cssTok) (float64, bool) {
	if t.tt != css.DimensionToken {
		return 0, false
	}
	num, unit := splitDimension(string(t.s))
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	switch strings.ToLower(unit) {
	case "dppx", "x":
		return n, true
	case "dpi":
		return n / 96, true
	case "dpcm":
		return n * 2.54 / 96, true
	}
	return 0, false
}

// splitDimension splits "12.5px" into "12.5" and "px".
func splitDimension(s string) (string, string) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '+' || s[i] == '-' ||
		(s[i] == 'e' || s[i] == 'E') && i+1 < len(s) && (s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == '-' || s[i+1] == '+')) {
		i++
	}
	return s[:i], s[i:]
}

func number(t cssTok) (float64, bool) {
	if t.tt != css.NumberToken {
		return 0, false
	}
	n, err := strconv.ParseFloat(string(t.s), 64)
	return n, err == nil
}

func isIdent(t cssTok, word string) bool {
	return t.tt == css.IdentToken && strings.EqualFold(string(t.s), word)
}

// calc evaluates a calc() of lengths and numbers with + - * / and
// parentheses; ok turns false on anything else.
type calc struct {
	v    viewport
	toks []cssTok
	pos  int
	ok   bool
}

func (c *calc) sum() float64 {
	if c.pos == 0 {
		c.ok = true
	}
	val := c.product()
	for c.ok && c.pos < len(c.toks) && c.toks[c.pos].tt == css.DelimToken {
		op := string(c.toks[c.pos].s)
		if op != "+" && op != "-" {
			break
		}
		c.pos++
		rhs := c.product()
		if op == "+" {
			val += rhs
		} else {
			val -= rhs
		}
	}
	return val
}

func (c *calc) product() float64 {
	val := c.operand()
	for c.ok && c.pos < len(c.toks) && c.toks[c.pos].tt == css.DelimToken {
		op := string(c.toks[c.pos].s)
		if op != "*" && op != "/" {
			break
		}
		c.pos++
		rhs := c.operand()
		if op == "*" {
			val *= rhs
		} else if rhs != 0 {
			val /= rhs
		} else {
			c.ok = false
		}
	}
	return val
}

func (c *calc) operand() float64 {
	if c.pos >= len(c.toks) {
		c.ok = false
		return 0
	}
	t := c.toks[c.pos]
	c.pos++
	switch t.tt {
	case css.NumberToken:
		n, ok := number(t)
		c.ok = c.ok && ok
		return n
	case css.DimensionToken:
		n, ok := c.v.dimension(t)
		c.ok = c.ok && ok
		return n
	case css.LeftParenthesisToken:
		val := c.sum()
		if c.pos >= len(c.toks) || c.toks[c.pos].tt != css.RightParenthesisToken {
			c.ok = false
			return 0
		}
		c.pos++
		return val
	}
	c.ok = false
	return 0
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
