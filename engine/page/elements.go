package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pass is one walk over a document's references. Discovery asks for what
// they need; writing puts in what they became. Both walk the same table
// (visit), so what is fetched and what is rewritten cannot drift apart.
type pass interface {
	// resourceAttr: attribute key holds the address of a resource.
	resourceAttr(d *document, n *html.Node, key string, kind WantKind)
	// linkAttr: attribute key holds the address of another page.
	linkAttr(d *document, n *html.Node, key string)
	// srcsetAttr: a srcset attribute.
	srcsetAttr(d *document, n *html.Node)
	// styleAttr: a style attribute.
	styleAttr(d *document, n *html.Node)
	// styleElement: a <style> element.
	styleElement(d *document, n *html.Node)
	// stylesheetLink: <link rel=stylesheet>.
	stylesheetLink(d *document, n *html.Node)
	// frame: <iframe> or <frame>.
	frame(d *document, n *html.Node)
	// script: a <script> that is kept.
	script(d *document, n *html.Node)
	// svgUse: the href of an SVG <use>.
	svgUse(d *document, n *html.Node, key string)
}

// walk runs p over every element of the document.
func (d *document) walk(p pass) {
	if d.root != nil {
		eachElement(d.root, func(n *html.Node) { d.visit(n, p) })
		return
	}
	d.walkUnits(p)
}

// visit is the table of where HTML and SVG refer to other things.
func (d *document) visit(n *html.Node, p pass) {
	switch n.Namespace {
	case "":
		d.visitHTML(n, p)
	case "svg":
		switch strings.ToLower(n.Data) {
		case "image", "feimage":
			p.resourceAttr(d, n, "href", Image)
			p.resourceAttr(d, n, "xlink:href", Image)
		case "use":
			p.svgUse(d, n, "href")
			p.svgUse(d, n, "xlink:href")
		case "a":
			p.linkAttr(d, n, "href")
			p.linkAttr(d, n, "xlink:href")
		case "style":
			p.styleElement(d, n)
		}
	}
	if attrIndex(n, "style") >= 0 {
		p.styleAttr(d, n)
	}
}

func (d *document) visitHTML(n *html.Node, p pass) {
	switch n.DataAtom {
	case atom.Link:
		rel := relTokens(n)
		switch {
		case rel["stylesheet"] && !rel["alternate"]:
			p.stylesheetLink(d, n)
		case rel["icon"]:
			d.hasIcon = true
			p.resourceAttr(d, n, "href", Image)
		default:
			p.linkAttr(d, n, "href")
		}
	case atom.Style:
		p.styleElement(d, n)
	case atom.Img:
		p.resourceAttr(d, n, "src", Image)
		p.srcsetAttr(d, n)
	case atom.Source:
		// In <picture> a source has srcset; in <video> and <audio>, src.
		p.srcsetAttr(d, n)
		p.resourceAttr(d, n, "src", Media)
	case atom.Input:
		if strings.EqualFold(strings.TrimSpace(attrVal(n, "type")), "image") {
			p.resourceAttr(d, n, "src", Image)
		}
		p.linkAttr(d, n, "formaction")
	case atom.Video:
		p.resourceAttr(d, n, "poster", Image)
		p.resourceAttr(d, n, "src", Media)
	case atom.Audio:
		p.resourceAttr(d, n, "src", Media)
	case atom.Track:
		p.resourceAttr(d, n, "src", Other)
	case atom.Iframe, atom.Frame:
		p.frame(d, n)
	case atom.Object:
		p.resourceAttr(d, n, "data", Other)
	case atom.Embed:
		p.resourceAttr(d, n, "src", Other)
	case atom.Script:
		if d.a.opts.KeepScripts {
			p.script(d, n)
		}
	case atom.Body, atom.Table, atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot:
		p.resourceAttr(d, n, "background", Image)
	case atom.A, atom.Area:
		p.linkAttr(d, n, "href")
	case atom.Form:
		p.linkAttr(d, n, "action")
	case atom.Button:
		p.linkAttr(d, n, "formaction")
	case atom.Blockquote, atom.Q, atom.Del, atom.Ins:
		p.linkAttr(d, n, "cite")
	}
}
