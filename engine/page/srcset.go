package page

import (
	"strconv"
	"strings"
)

// candidate is one image candidate of a srcset attribute.
type candidate struct {
	url     string
	width   int     // the w descriptor, 0 when absent
	density float64 // the x descriptor, 0 when absent
	height  int     // the h descriptor (future-compatible; kept as written)
	desc    string  // the descriptors as written, to write them back
}

// parseSrcset reads a srcset attribute as the HTML standard's "parse a
// srcset attribute" says, character by character: a URL is a run of
// characters other than white space, trailing commas end it, descriptors
// may hold parentheses, and a candidate with invalid descriptors is
// dropped.
func parseSrcset(s string) []candidate {
	var out []candidate
	pos := 0
	for {
		for pos < len(s) && (isSpace(s[pos]) || s[pos] == ',') {
			pos++
		}
		if pos >= len(s) {
			return out
		}
		start := pos
		for pos < len(s) && !isSpace(s[pos]) {
			pos++
		}
		u := s[start:pos]
		var descs []string
		if strings.HasSuffix(u, ",") {
			u = strings.TrimRight(u, ",")
		} else {
			descs, pos = srcsetDescriptors(s, pos)
		}
		if c, ok := parseDescriptors(u, descs); ok {
			out = append(out, c)
		}
	}
}

// srcsetDescriptors is the descriptor tokenizer of the standard.
func srcsetDescriptors(s string, pos int) ([]string, int) {
	for pos < len(s) && isSpace(s[pos]) {
		pos++
	}
	var descs []string
	var cur strings.Builder
	const (
		inDescriptor = iota
		inParens
		afterDescriptor
	)
	state := inDescriptor
	flush := func() {
		if cur.Len() > 0 {
			descs = append(descs, cur.String())
			cur.Reset()
		}
	}
	for ; ; pos++ {
		if pos >= len(s) {
			flush()
			return descs, pos
		}
		c := s[pos]
		switch state {
		case inDescriptor:
			switch {
			case isSpace(c):
				flush()
				state = afterDescriptor
			case c == ',':
				flush()
				return descs, pos + 1
			case c == '(':
				cur.WriteByte(c)
				state = inParens
			default:
				cur.WriteByte(c)
			}
		case inParens:
			cur.WriteByte(c)
			if c == ')' {
				state = inDescriptor
			}
		case afterDescriptor:
			if !isSpace(c) {
				state = inDescriptor
				pos--
			}
		}
	}
}

// parseDescriptors checks a candidate's descriptors as the standard does.
func parseDescriptors(u string, descs []string) (candidate, bool) {
	c := candidate{url: u, desc: strings.Join(descs, " ")}
	hasW, hasX, hasH := false, false, false
	for _, d := range descs {
		if d == "" {
			return c, false
		}
		value, unit := d[:len(d)-1], d[len(d)-1]
		switch unit {
		case 'w':
			n, ok := nonNegativeInt(value)
			if hasW || hasX || !ok || n == 0 {
				return c, false
			}
			c.width, hasW = n, true
		case 'x':
			f, ok := validFloat(value)
			if hasW || hasX || hasH || !ok || f < 0 {
				return c, false
			}
			c.density, hasX = f, true
		case 'h':
			n, ok := nonNegativeInt(value)
			if hasH || hasX || !ok || n == 0 {
				return c, false
			}
			c.height, hasH = n, true
		default:
			return c, false
		}
	}
	if hasH && !hasW {
		return c, false
	}
	return c, true
}

// formatSrcset writes candidates back as a srcset attribute.
func formatSrcset(cs []candidate) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.url)
		if c.desc != "" {
			b.WriteByte(' ')
			b.WriteString(c.desc)
		}
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// nonNegativeInt reads a "valid non-negative integer": digits only.
func nonNegativeInt(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// validFloat reads a "valid floating-point number": an optional minus,
// digits with an optional fraction (or a fraction alone), and an optional
// exponent; no plus sign, no leading or trailing dot.
func validFloat(s string) (float64, bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	intPart := digits()
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return 0, false
		}
	} else if intPart == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
