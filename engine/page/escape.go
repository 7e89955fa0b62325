package page

import (
	"golang.org/x/text/transform"
)

// scriptEscaper makes script text safe inside <script>: "</script" would
// end the element, and "<!--" or "<script" would change how the rest is
// tokenized. Their "<" becomes \u003C, which JavaScript and JSON read as
// the same "<" in strings, template literals and regular expressions (the
// only places these sequences occur in working scripts).
type scriptEscaper struct{ transform.NopResetter }

var scriptDanger = []string{"</script", "<script", "<!--"}

func (scriptEscaper) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c != '<' {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		rest := src[nSrc:]
		danger, undecided := false, false
		for _, d := range scriptDanger {
			if len(rest) < len(d) {
				if !atEOF && equalFoldASCII(string(rest), d[:len(rest)]) {
					undecided = true
				}
				continue
			}
			if equalFoldASCII(string(rest[:len(d)]), d) {
				danger = true
			}
		}
		if !danger && undecided {
			return nDst, nSrc, transform.ErrShortSrc
		}
		out := "<"
		if danger {
			out = `\u003C`
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc++
	}
	return nDst, nSrc, nil
}

// attrEscaper escapes text for a double-quoted HTML attribute, as the
// text of a script inside a srcdoc document must be.
type attrEscaper struct{ transform.NopResetter }

func (attrEscaper) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		var out string
		switch src[nSrc] {
		case '&':
			out = "&amp;"
		case '"':
			out = "&#34;"
		default:
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = src[nSrc]
			nDst++
			nSrc++
			continue
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc++
	}
	return nDst, nSrc, nil
}
