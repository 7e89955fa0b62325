package page

import (
	"net/url"

	"golang.org/x/net/html"
)

// discoverPass asks for every resource a document refers to.
type discoverPass struct{}

func (discoverPass) resourceAttr(d *document, n *html.Node, key string, kind WantKind) {
	if v, ok := attr(n, key); ok {
		d.wantRef(d.base, v, kind)
	}
}

func (discoverPass) linkAttr(*document, *html.Node, string) {}

func (discoverPass) srcsetAttr(d *document, n *html.Node) {
	for _, c := range parseSrcset(attrVal(n, "srcset")) {
		d.wantRef(d.base, c.url, Image)
	}
}

func (discoverPass) styleAttr(d *document, n *html.Node) {
	rewriteCSS(attrVal(n, "style"), true, &discoverHooks{d: d, base: d.base, referrer: urlString(d.url), charset: d.charset})
}

func (discoverPass) styleElement(d *document, n *html.Node) {
	rewriteCSS(textOf(n), false, &discoverHooks{d: d, base: d.base, referrer: urlString(d.url), charset: d.charset})
}

func (discoverPass) stylesheetLink(d *document, n *html.Node) {
	_, key, ok := resolveKey(d.base, attrVal(n, "href"))
	if !ok {
		return
	}
	d.wantSheet(key, 0, nil, urlString(d.url), d.charset)
}

func (discoverPass) frame(d *document, n *html.Node) { d.discoverFrame(n) }

func (discoverPass) script(d *document, n *html.Node) {
	if v, ok := attr(n, "src"); ok {
		d.wantRef(d.base, v, Script)
	}
}

func (discoverPass) svgUse(d *document, n *html.Node, key string) {
	v, ok := attr(n, key)
	if !ok {
		return
	}
	_, k, ok := resolveKey(d.base, v)
	if !ok {
		return
	}
	if d.spriteDepth >= maxSpriteDepth {
		// Sprites that use sprites that use sprites...: the chain could
		// go on for ever.
		d.a.leaveOut(k, Image)
		return
	}
	res := d.a.want(k, Image, urlString(d.url), d.charset)
	if res.roles&roleSprite == 0 {
		res.roles |= roleSprite
		res.spriteDepth = d.spriteDepth + 1
	}
	d.a.parseRoles(res)
}

// wantRef asks for the resource raw refers to, if it can be fetched.
func (d *document) wantRef(base *url.URL, raw string, kind WantKind) *resource {
	_, key, ok := resolveKey(base, raw)
	if !ok {
		return nil
	}
	return d.a.want(key, kind, urlString(d.url), d.charset)
}

// wantSheet asks for a stylesheet met depth @imports deep, inside the
// stylesheets chain.
func (d *document) wantSheet(key string, depth int, chain []string, referrer, charset string) {
	for _, c := range chain {
		if c == key {
			d.a.leaveOut(key, Stylesheet) // an @import cycle: browsers skip it too
			return
		}
	}
	if depth > d.a.opts.MaxImportDepth {
		d.a.leaveOut(key, Stylesheet)
		return
	}
	res := d.a.want(key, Stylesheet, referrer, charset)
	if res.roles&roleSheet == 0 {
		res.roles |= roleSheet
		res.importDepth = depth
		res.chain = append(append([]string{}, chain...), key)
	}
	d.a.parseRoles(res)
}

// discoverHooks are the CSS hooks of discovery: every address is asked
// for and left as it is.
type discoverHooks struct {
	d        *document
	base     *url.URL
	referrer string
	charset  string   // the fallback encoding of the stylesheets it imports
	depth    int      // how many @imports deep this stylesheet is
	chain    []string // the stylesheets that imported it, itself last
}

func (h *discoverHooks) url(r cssRef) string {
	kind := Image
	if r.font {
		kind = Font
	}
	if _, key, ok := resolveKey(h.base, r.raw); ok {
		h.d.a.want(key, kind, h.referrer, h.charset)
	}
	return r.orig
}

// fontSrc asks for the first source the browser would load: the next one
// only once that one failed.
func (h *discoverHooks) fontSrc(refs []fontRef) []string {
	out := make([]string, len(refs))
	done := false
	for i, r := range refs {
		out[i] = r.orig
		if done || !r.supported {
			continue
		}
		_, key, ok := resolveKey(h.base, r.raw)
		if !ok {
			continue
		}
		res := h.d.a.lookup(key)
		if res == nil || res.state == pending || res.state == fetched || res.state == leftOut {
			h.d.a.want(key, Font, h.referrer, h.charset)
			done = true
		}
	}
	return out
}

func (h *discoverHooks) importRule(im cssImport) {
	if _, key, ok := resolveKey(h.base, im.raw); ok {
		h.d.wantSheet(key, h.depth+1, h.chain, h.referrer, h.charset)
	}
}
