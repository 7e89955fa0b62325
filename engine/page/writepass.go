package page

import (
	"strings"

	"golang.org/x/net/html"
)

// writePass puts in each reference what it became. With count set it only
// counts CSS uses, for decideVars.
type writePass struct{ count bool }

func (w *writePass) resourceAttr(d *document, n *html.Node, key string, kind WantKind) {
	if w.count {
		return
	}
	if v, ok := attr(n, key); ok {
		setAttr(n, key, d.finalRef(v))
	}
}

// finalRef is what a resource reference becomes: a marker when the
// resource is inlined, else its absolute address; what cannot be fetched
// (data:, a fragment alone) stays as it is.
func (d *document) finalRef(raw string) string {
	u, key, ok := resolveKey(d.base, raw)
	if !ok {
		if t := strings.TrimSpace(raw); t != "" && t[0] != '#' && !hasScheme(t) {
			if u, ok := resolve(d.base, t); ok {
				return urlString(u)
			}
		}
		return raw
	}
	if res := d.a.lookup(key); res.inlined() {
		if m, ok := d.a.inline(markKey{kind: markData, res: res}); ok {
			return m + fragmentOf(u)
		}
	}
	return urlString(u)
}

// linkAttr makes a link to another page absolute, so it still works from
// the saved page. A link to a fragment of this same document stays as it
// is.
func (w *writePass) linkAttr(d *document, n *html.Node, key string) {
	if w.count {
		return
	}
	v, ok := attr(n, key)
	if !ok {
		return
	}
	t := strings.TrimSpace(v)
	if t == "" || hasScheme(t) && !isWebScheme(t) {
		return
	}
	if t[0] == '#' && sameDocument(d) {
		return
	}
	if u, ok := resolve(d.base, t); ok {
		setAttr(n, key, urlString(u))
	}
}

// sameDocument reports whether "#x" in d means d itself (its base is its
// own address).
func sameDocument(d *document) bool {
	b, u := *d.base, *d.url
	b.Fragment, b.RawFragment, u.Fragment, u.RawFragment = "", "", "", ""
	return b.String() == u.String()
}

func isWebScheme(raw string) bool {
	raw = strings.ToLower(cleanRef(raw))
	return strings.HasPrefix(raw, "http:") || strings.HasPrefix(raw, "https:")
}

func (w *writePass) srcsetAttr(d *document, n *html.Node) {
	if w.count {
		return
	}
	v, ok := attr(n, "srcset")
	if !ok {
		return
	}
	cs := parseSrcset(v)
	for i := range cs {
		cs[i].url = d.finalRef(cs[i].url)
	}
	setAttr(n, "srcset", formatSrcset(cs))
}

// script inlines a kept script: a classic script that blocks the parser
// becomes inline text (escaped, see scriptEscaper); one that is deferred,
// async or a module keeps a src, as a data: URI, so it still runs when it
// did.
func (w *writePass) script(d *document, n *html.Node) {
	if w.count {
		return
	}
	v, ok := attr(n, "src")
	if !ok {
		return
	}
	u, key, ok := resolveKey(d.base, v)
	if !ok {
		setAttr(n, "src", d.finalRef(v))
		return
	}
	res := d.a.lookup(key)
	if !res.inlined() || !d.a.allow(res, res.r.Size) {
		setAttr(n, "src", urlString(u))
		return
	}
	removeAttr(n, "integrity")
	removeAttr(n, "crossorigin")
	charset := attrVal(n, "charset")
	removeAttr(n, "charset")
	_, async := attr(n, "async")
	_, deferred := attr(n, "defer")
	if !classicScript(n) || async || deferred {
		setAttr(n, "src", d.a.mark(markKey{kind: markScriptData, res: res, charset: charset}))
		return
	}
	removeAttr(n, "src")
	setText(n, d.a.mark(markKey{kind: markScript, res: res, level: d.level, charset: charset}))
}
