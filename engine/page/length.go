package page

import (
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

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
