package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Lazy-loading scripts keep the real address in a data- attribute and
// put it in place when the element scrolls into view. These are the
// attributes the common ones (lazysizes, lozad, vanilla-lazyload, jQuery
// lazyload, WordPress plugins) use, in the order they are preferred.
var (
	lazySrc    = []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-echo"}
	lazySrcset = []string{"data-srcset", "data-lazy-srcset", "data-original-set", "data-original-srcset"}
	lazyBg     = []string{"data-bg", "data-background-image", "data-bg-src"}
)

// promoteLazy resolves lazy loading on n: the real address moves from its
// data- attribute to src or srcset (and the data- attribute goes, so a
// kept script does not put the original address back), loading=lazy
// goes, and lazysizes' "lazyload" class becomes "lazyloaded", the class
// its style sheets show. It reports whether an address was promoted.
func promoteLazy(n *html.Node) bool {
	promoted := false
	switch n.DataAtom {
	case atom.Img, atom.Source, atom.Iframe, atom.Video, atom.Audio, atom.Input, atom.Embed:
		if moveLazy(n, lazySrc, "src") {
			promoted = true
		}
		if n.DataAtom == atom.Img || n.DataAtom == atom.Source {
			if moveLazy(n, lazySrcset, "srcset") {
				promoted = true
			}
			if s := strings.TrimSpace(attrVal(n, "data-sizes")); s != "" && !strings.EqualFold(s, "auto") {
				setAttr(n, "sizes", s)
			}
			removeAttr(n, "data-sizes")
		}
		if n.DataAtom == atom.Video && moveLazy(n, []string{"data-poster"}, "poster") {
			promoted = true
		}
	}
	for _, key := range lazyBg {
		v := strings.TrimSpace(attrVal(n, key))
		if v == "" || strings.HasPrefix(v, "data:") {
			continue
		}
		style := strings.TrimSpace(attrVal(n, "style"))
		if style != "" && !strings.HasSuffix(style, ";") {
			style += ";"
		}
		setAttr(n, "style", style+"background-image:"+cssURL(v))
		removeAttr(n, key)
		promoted = true
		break
	}
	if n.DataAtom == atom.Img || n.DataAtom == atom.Iframe {
		removeAttr(n, "loading")
	}
	if promoted {
		if cls, ok := attr(n, "class"); ok {
			f := strings.Fields(cls)
			for i, c := range f {
				if c == "lazyload" {
					f[i] = "lazyloaded"
				}
			}
			setAttr(n, "class", strings.Join(f, " "))
		}
	}
	return promoted
}

// moveLazy copies the first non-empty real address among keys to target
// and removes those keys.
func moveLazy(n *html.Node, keys []string, target string) bool {
	moved := false
	for _, key := range keys {
		v, ok := attr(n, key)
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if !moved && v != "" && !strings.HasPrefix(v, "data:") {
			setAttr(n, target, v)
			moved = true
		}
		removeAttr(n, key)
	}
	return moved
}
