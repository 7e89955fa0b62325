package page

import (
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

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
