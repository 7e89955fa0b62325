package page

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// writeHooks are the CSS hooks of writing: an inlined resource becomes a
// marker (or the var() standing for it), one that is not stays an
// absolute url(). In the counting run they only count the uses a var()
// could stand for.
type writeHooks struct {
	d       *document
	base    *url.URL
	count   bool
	imports []cssImport
}

func (h *writeHooks) url(r cssRef) string {
	u, key, ok := resolveKey(h.base, r.raw)
	if !ok {
		return r.orig
	}
	res := h.d.a.lookup(key)
	frag := fragmentOf(u)
	if h.count {
		if res.inlined() && r.varOK && frag == "" {
			h.d.uses[key]++
		}
		return r.orig
	}
	if !res.inlined() {
		return cssURL(urlString(u))
	}
	if name, ok := h.d.vars[key]; ok && r.varOK && frag == "" {
		return "var(" + name + ")"
	}
	if m, ok := h.d.a.inline(markKey{kind: markData, res: res}); ok {
		return cssURL(m + frag)
	}
	return cssURL(urlString(u))
}

// fontSrc keeps the entries up to the first one inlined: the browser
// stops there, so the rest would only be dead links.
func (h *writeHooks) fontSrc(refs []fontRef) []string {
	out := make([]string, len(refs))
	inlined := false
	for i, r := range refs {
		if inlined {
			continue
		}
		out[i] = r.orig
		if h.count {
			continue
		}
		u, key, ok := resolveKey(h.base, r.raw)
		if !ok {
			continue
		}
		out[i] = cssURL(urlString(u))
		if res := h.d.a.lookup(key); res.inlined() {
			if m, ok := h.d.a.inline(markKey{kind: markData, res: res}); ok {
				out[i] = cssURL(m + fragmentOf(u))
				inlined = true
			}
		}
	}
	return out
}

func (h *writeHooks) importRule(im cssImport) { h.imports = append(h.imports, im) }

// cssCond is what an @import puts around the sheet it imports.
type cssCond struct {
	layer     bool
	layerName string
	supports  string
	media     string
}

// sheetPieces rewrites a stylesheet and appends the text of one <style>
// element per stylesheet it brings, in cascade order: each imported sheet
// (recursively, its own imports first) before the sheet itself. An
// imported sheet is wrapped in the @layer, @supports and @media its
// @import rules gave it; its @namespace rules go first, outside them, as
// they must. An @import that cannot be inlined (not fetched, a cycle,
// too deep) stays, with an absolute address, at the top of the sheet.
func (d *document) sheetPieces(text string, base *url.URL, chain []string, depth int, conds []cssCond, count bool, out *[]string) {
	h := &writeHooks{d: d, base: base, count: count}
	rw := rewriteCSS(text, false, h)
	var kept strings.Builder
	for _, im := range h.imports {
		u, key, ok := resolveKey(base, im.raw)
		if !ok {
			if !count && !strings.HasPrefix(strings.TrimSpace(im.raw), "#") {
				kept.WriteString("@import " + cssURL(im.raw) + importTail(im) + ";\n")
			}
			continue
		}
		if inChain(chain, key) {
			continue // a cycle: browsers skip the @import, so does the page
		}
		res := d.a.lookup(key)
		if res.inlined() && res.sheet != nil && depth < d.a.opts.MaxImportDepth && (count || d.a.allow(res, int64(len(res.sheet.text)))) {
			c := cssCond{layer: im.layer, layerName: im.layerName, supports: im.supports, media: im.media}
			d.sheetPieces(res.sheet.text, res.sheet.base, append(chain[:len(chain):len(chain)], key), depth+1,
				append(conds[:len(conds):len(conds)], c), count, out)
			continue
		}
		if !count {
			kept.WriteString("@import " + cssURL(urlString(u)) + importTail(im) + ";\n")
		}
	}
	if count {
		return
	}
	*out = append(*out, styleSafe(kept.String()+rw.namespaces+wrapConds(conds, rw.text)))
}

func inChain(chain []string, key string) bool {
	for _, c := range chain {
		if c == key {
			return true
		}
	}
	return false
}

// importTail writes back an @import's layer, supports() and media.
func importTail(im cssImport) string {
	var b strings.Builder
	if im.layer {
		if im.layerName != "" {
			b.WriteString(" layer(" + im.layerName + ")")
		} else {
			b.WriteString(" layer")
		}
	}
	if im.supports != "" {
		b.WriteString(" supports(" + im.supports + ")")
	}
	if im.media != "" {
		b.WriteString(" " + im.media)
	}
	return b.String()
}

// wrapConds puts text inside the conditional rules conds stand for,
// outermost first.
func wrapConds(conds []cssCond, text string) string {
	var open strings.Builder
	closing := 0
	for _, c := range conds {
		if c.layer {
			open.WriteString("@layer " + c.layerName)
			open.WriteString("{\n")
			closing++
		}
		if c.supports != "" {
			open.WriteString("@supports (" + c.supports + "){\n")
			closing++
		}
		if m := strings.TrimSpace(c.media); m != "" && !strings.EqualFold(m, "all") {
			open.WriteString("@media " + m + "{\n")
			closing++
		}
	}
	if closing == 0 {
		return text
	}
	return open.String() + text + "\n" + strings.Repeat("}", closing) + "\n"
}

func (w *writePass) styleAttr(d *document, n *html.Node) {
	h := &writeHooks{d: d, base: d.base, count: w.count}
	rw := rewriteCSS(attrVal(n, "style"), true, h)
	if !w.count {
		setAttr(n, "style", rw.text)
	}
}

func (w *writePass) styleElement(d *document, n *html.Node) {
	var pieces []string
	d.sheetPieces(textOf(n), d.base, nil, 0, nil, w.count, &pieces)
	if w.count || len(pieces) == 0 {
		return
	}
	for _, p := range pieces[:len(pieces)-1] {
		s := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom, Namespace: n.Namespace,
			Attr: append([]html.Attribute(nil), n.Attr...)}
		removeAttr(s, "id")
		setText(s, p)
		n.Parent.InsertBefore(s, n)
	}
	setText(n, pieces[len(pieces)-1])
}

// stylesheetLink replaces a <link rel=stylesheet> by the <style>
// elements of the sheet and its imports, which keep its media, title and
// id; one not fetched keeps an absolute href.
func (w *writePass) stylesheetLink(d *document, n *html.Node) {
	u, key, ok := resolveKey(d.base, attrVal(n, "href"))
	if !ok {
		if !w.count {
			w.linkAttr(d, n, "href")
		}
		return
	}
	res := d.a.lookup(key)
	if !res.inlined() || res.sheet == nil {
		if !w.count {
			setAttr(n, "href", urlString(u))
		}
		return
	}
	if !w.count && !d.a.allow(res, int64(len(res.sheet.text))) {
		setAttr(n, "href", urlString(u))
		return
	}
	var pieces []string
	d.sheetPieces(res.sheet.text, res.sheet.base, []string{key}, 0, nil, w.count, &pieces)
	if w.count {
		return
	}
	for i, p := range pieces {
		s := element(atom.Style)
		for _, k := range []string{"media", "title", "nonce"} {
			if v, ok := attr(n, k); ok {
				setAttr(s, k, v)
			}
		}
		if i == len(pieces)-1 {
			for _, k := range []string{"id", "class", "onload"} {
				if v, ok := attr(n, k); ok {
					setAttr(s, k, v)
				}
			}
		}
		setText(s, p)
		n.Parent.InsertBefore(s, n)
	}
	remove(n)
}
