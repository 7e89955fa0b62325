package page

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sprite is an external SVG document that <use> elements refer to
// (icons.svg#star). Browsers no longer accept data: URIs in <use>, so the
// sprite's content is put in the page itself, once, hidden, with its ids
// prefixed so they cannot clash with the page's, and each <use> points
// at the prefixed id.
type sprite struct {
	doc      *document
	ids      map[string]string // id in the sprite -> id in the page
	rootID   string            // the id of its root <svg>, for a <use> with no fragment
	prepared bool
}

// maxSpriteDepth is how deep sprites using other sprites are followed.
const maxSpriteDepth = 3

// parseSprite parses an SVG document that arrived for <use>.
func (a *Assembler) parseSprite(res *resource) {
	b, ok := a.readAll(res)
	if !ok {
		return
	}
	enc, _ := bomEncoding(b)
	if enc == nil {
		enc, _ = headerEncoding(res.r.ContentType)
	}
	text := decodeWith(enc, b)
	context := &html.Node{Type: html.ElementNode, Data: "svg", DataAtom: atom.Svg, Namespace: "svg"}
	nodes, err := html.ParseFragment(strings.NewReader(text), context)
	if err != nil {
		return
	}
	root := &html.Node{Type: html.DocumentNode}
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			root.AppendChild(n)
		}
	}
	// A sprite's <style> would apply to the whole page once inlined, and
	// its scripts never run from a <use>.
	var drop []*html.Node
	eachElement(root, func(n *html.Node) {
		if isSVG(n, "style") || isSVG(n, "script") || isHTML(n, atom.Style) || isHTML(n, atom.Script) {
			drop = append(drop, n)
		}
	})
	for _, n := range drop {
		remove(n)
	}
	a.spriteN++
	s := &sprite{ids: map[string]string{}}
	prefix := "pk" + strconv.Itoa(a.spriteN) + "-"
	eachElement(root, func(n *html.Node) {
		if i := attrIndex(n, "id"); i >= 0 && n.Attr[i].Val != "" {
			s.ids[n.Attr[i].Val] = prefix + n.Attr[i].Val
			n.Attr[i].Val = prefix + n.Attr[i].Val
		}
	})
	eachElement(root, func(n *html.Node) { s.renameRefs(n) })
	if top := findFirst(root, func(n *html.Node) bool { return isSVG(n, "svg") }); top != nil {
		if id := attrVal(top, "id"); id != "" {
			s.rootID = id
		} else {
			s.rootID = prefix + "root"
			setAttr(top, "id", s.rootID)
		}
	}
	base, err := url.Parse(res.r.FinalURL)
	if err != nil || res.r.FinalURL == "" {
		base, _ = url.Parse(res.key)
	}
	s.doc = &document{a: a, root: root, url: base, base: base, charset: "utf-8", sprite: true,
		spriteDepth: res.spriteDepth, frames: map[*html.Node]*frameSlot{}}
	res.sprite = s
	s.doc.walk(discoverPass{})
}

// renameRefs points the sprite's internal references (href="#x",
// url(#x)) at the prefixed ids.
func (s *sprite) renameRefs(n *html.Node) {
	for i, a := range n.Attr {
		v := a.Val
		if (a.Key == "href") && strings.HasPrefix(v, "#") {
			if id, ok := s.ids[v[1:]]; ok {
				n.Attr[i].Val = "#" + id
			}
			continue
		}
		if strings.Contains(v, "url(#") {
			n.Attr[i].Val = s.renameURLRefs(v)
		}
	}
}

func (s *sprite) renameURLRefs(v string) string {
	var b strings.Builder
	for {
		i := strings.Index(v, "url(#")
		if i < 0 {
			b.WriteString(v)
			return b.String()
		}
		b.WriteString(v[:i+len("url(#")])
		v = v[i+len("url(#"):]
		end := strings.IndexAny(v, ")'\" ")
		if end < 0 {
			end = len(v)
		}
		if id, ok := s.ids[v[:end]]; ok {
			b.WriteString(id)
		} else {
			b.WriteString(v[:end])
		}
		v = v[end:]
	}
}

// target is the id in the page that "#fragment" of the sprite names, ""
// when the sprite has no such element.
func (s *sprite) target(fragment string) string {
	if fragment == "" {
		return s.rootID
	}
	return s.ids[fragment]
}

// prepare rewrites the sprite's own references (images inside it) once.
func (s *sprite) prepare() {
	if s.prepared {
		return
	}
	s.prepared = true
	s.doc.walk(&writePass{})
}

func (w *writePass) svgUse(d *document, n *html.Node, key string) {
	v, ok := attr(n, key)
	if !ok || strings.HasPrefix(strings.TrimSpace(v), "#") {
		return
	}
	u, k, ok := resolveKey(d.base, v)
	if !ok {
		return
	}
	if res := d.a.lookup(k); res.inlined() && res.sprite != nil {
		if id := res.sprite.target(u.Fragment); id != "" {
			d.useSprite(res.sprite)
			setAttr(n, key, "#"+id)
			return
		}
	}
	setAttr(n, key, urlString(u))
}

// useSprite records that the document shows s, and the sprites s itself
// uses.
func (d *document) useSprite(s *sprite) {
	for _, have := range d.sprites {
		if have == s {
			return
		}
	}
	d.sprites = append(d.sprites, s)
	s.prepare()
	for _, t := range s.doc.sprites {
		d.useSprite(t)
	}
}

// spriteHolder is the hidden <svg> holding the sprites a document uses:
// out of the layout, yet rendered, so gradients and clip paths inside
// work (in a display:none subtree they do not).
func (d *document) spriteHolder() *html.Node {
	if len(d.sprites) == 0 {
		return nil
	}
	holder := &html.Node{Type: html.ElementNode, Data: "svg", DataAtom: atom.Svg, Namespace: "svg", Attr: []html.Attribute{
		{Key: "aria-hidden", Val: "true"}, {Key: "width", Val: "0"}, {Key: "height", Val: "0"},
		{Key: "style", Val: "position:absolute;width:0;height:0;overflow:hidden"},
	}}
	for _, s := range d.sprites {
		for c := s.doc.root.FirstChild; c != nil; c = c.NextSibling {
			holder.AppendChild(cloneNode(c))
		}
	}
	return holder
}

// cloneNode is a deep copy of n.
func cloneNode(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneNode(k))
	}
	return c
}
