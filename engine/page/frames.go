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
		if d.depth+1 > d.a.opts.MaxFrameDepth || d.a.frameDocs >= maxFrameDocs {
			slot.left = true
			return
		}
		d.a.frameDocs++
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
	if d.depth+1 > d.a.opts.MaxFrameDepth || d.a.frameDocs >= maxFrameDocs {
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
	if a.frameDocs >= maxFrameDocs {
		slot.left = true
		return
	}
	a.frameDocs++
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

// quirks reports whether a browser renders the document in quirks mode:
// no doctype, or one of the legacy doctypes the HTML standard lists.
func (d *document) quirks() bool {
	var name, public, system string
	found := false
	if d.root != nil {
		for c := d.root.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.DoctypeNode {
				found, name = true, c.Data
				for _, a := range c.Attr {
					switch a.Key {
					case "public":
						public = a.Val
					case "system":
						system = a.Val
					}
				}
				break
			}
		}
	} else {
		for _, u := range d.units {
			if strings.HasPrefix(strings.ToLower(u.raw), "<!doctype") {
				found = true
				name = strings.Fields(strings.ToLower(u.raw[len("<!doctype"):]) + " html")[0]
				name = strings.TrimSuffix(name, ">")
				break
			}
		}
	}
	if !found || !strings.EqualFold(name, "html") {
		return true
	}
	public = strings.ToLower(public)
	for _, p := range quirkyPublicIDs {
		if strings.HasPrefix(public, p) {
			return true
		}
	}
	if system == "" && (strings.HasPrefix(public, "-//w3c//dtd html 4.01 frameset//") ||
		strings.HasPrefix(public, "-//w3c//dtd html 4.01 transitional//")) {
		return true
	}
	return false
}

// quirkyPublicIDs are the starts of the public identifiers that put a
// document in quirks mode (the common ones of the standard's list).
var quirkyPublicIDs = []string{
	"-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html",
	"+//silmaril//dtd html pro v0r11 19970101//", "-//as//dtd html 3.0 aswedit + extensions//",
	"-//advasoft ltd//dtd html 3.0 aswedit + extensions//", "-//ietf//dtd html", "-//metrius//",
	"-//microsoft//", "-//netscape comm. corp.//", "-//o'reilly and associates//", "-//softquad",
	"-//spyglass//", "-//sq//", "-//sun microsystems corp.//", "-//w3c//dtd html 3", "-//w3c//dtd html 4.0 frameset//",
	"-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd w3 html//", "-//w3o//dtd w3 html 3.0//", "-//webtechs//",
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
		// A srcdoc document is never in quirks mode: a frame whose page is
		// goes as a data: URI, which keeps its mode.
		if isHTML(n, atom.Iframe) && (slot.key == "" || !slot.child.quirks()) {
			slot.child.prepare(d.level + 1)
			var b strings.Builder
			slot.child.render(&b)
			setAttr(n, "srcdoc", b.String())
			removeAttr(n, "src")
			return
		}
		slot.child.prepare(0)
		removeAttr(n, "srcdoc")
		setAttr(n, "src", d.a.mark(markKey{kind: markFrame, doc: slot.child}))
		return
	}
	if slot.key == "" {
		return // a srcdoc too deep: it stays as it was
	}
	res := d.a.lookup(slot.key)
	u, _ := resolve(d.base, attrVal(n, "src"))
	if res.inlined() && !slot.left {
		if m, ok := d.a.inline(markKey{kind: markData, res: res}); ok {
			setAttr(n, "src", m+fragmentOf(u))
			return
		}
	}
	setAttr(n, "src", urlString(u))
}
