package page

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// frameSlot is one <iframe> or <frame> and the document it shows.
type frameSlot struct {
	doc   *document  // the document the frame is in
	node  *html.Node // the frame element
	key   string     // the address it shows; "" for srcdoc
	child *document  // the document shown, once fetched and parsed
	left  bool       // too deep or a cycle: it stays a link
}

// discoverFrame finds the document a frame shows: its srcdoc, parsed at
// once, or its src, wanted. A frame nested deeper than MaxFrameDepth, or
// showing a document it is itself inside, is left out.
func (d *document) discoverFrame(n *html.Node) {
	if _, seen := d.frames[n]; seen {
		return
	}
	if srcdoc, ok := attr(n, "srcdoc"); ok && isHTML(n, atom.Iframe) {
		slot := &frameSlot{doc: d, node: n}
		d.frames[n] = slot
		if d.depth+1 > d.a.opts.MaxFrameDepth {
			slot.left = true
			return
		}
		// A srcdoc document has its parent's base address.
		child := d.a.newDocument(srcdoc, "utf-8", d.base, d.depth+1, d.chain)
		slot.child = child
		return
	}
	_, key, ok := resolveKey(d.base, attrVal(n, "src"))
	if !ok {
		return
	}
	slot := &frameSlot{doc: d, node: n, key: key}
	d.frames[n] = slot
	for _, c := range d.chain {
		if c == key {
			slot.left = true
			d.a.leaveOut(key, Frame)
			return
		}
	}
	if d.depth+1 > d.a.opts.MaxFrameDepth {
		slot.left = true
		d.a.leaveOut(key, Frame)
		return
	}
	res := d.a.want(key, Frame, urlString(d.url), d.charset)
	res.slots = append(res.slots, slot)
	if res.state == fetched {
		d.a.fillFrame(slot, res)
	}
}

// fillFrame parses the document a frame shows, once it has arrived. What
// is not HTML (an image, a PDF) is shown as a data: URI instead.
func (a *Assembler) fillFrame(slot *frameSlot, res *resource) {
	if slot.child != nil || slot.left || res.state != fetched || !IsHTML(res.r.ContentType, res.head) {
		return
	}
	b, ok := a.readAll(res)
	if !ok {
		return
	}
	u, err := url.Parse(res.r.FinalURL)
	if err != nil || res.r.FinalURL == "" {
		u, _ = url.Parse(res.key)
	}
	text, cs := decodeHTML(b, res.r.ContentType)
	chain := append(append([]string{}, slot.doc.chain...), res.key)
	slot.child = a.newDocument(text, cs, u, slot.doc.depth+1, chain)
}

// frameWrite puts a frame's document in place: an iframe gets it as
// srcdoc, a frame (which has no srcdoc) as a data: URI; a frame whose
// document is not HTML gets that as a data: URI; one not fetched keeps an
// absolute src.
func (w *writePass) frame(d *document, n *html.Node) {
	if w.count {
		return
	}
	slot := d.frames[n]
	if slot == nil {
		if v, ok := attr(n, "src"); ok && strings.TrimSpace(v) != "" && !hasScheme(v) {
			if u, ok := resolve(d.base, v); ok {
				setAttr(n, "src", urlString(u))
			}
		}
		return
	}
	if slot.child != nil {
		if isHTML(n, atom.Iframe) {
			slot.child.prepare(d.level + 1)
			var b strings.Builder
			slot.child.render(&b)
			setAttr(n, "srcdoc", b.String())
			removeAttr(n, "src")
			return
		}
		slot.child.prepare(0)
		setAttr(n, "src", d.a.mark(markKey{kind: markFrame, doc: slot.child}))
		return
	}
	if slot.key == "" {
		return // a srcdoc too deep: it stays as it was
	}
	res := d.a.lookup(slot.key)
	u, _ := resolve(d.base, attrVal(n, "src"))
	if res.inlined() && !slot.left {
		setAttr(n, "src", d.a.mark(markKey{kind: markData, res: res})+fragmentOf(u))
		return
	}
	setAttr(n, "src", urlString(u))
}
