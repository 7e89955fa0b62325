package page

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page the HTML parser refuses (x/net/html gives up past 512 nested
// elements, where browsers flatten the tree and go on) is still saved: it
// is read token by token, and each start tag goes through the same table
// of references (visit) as a parsed tree's elements do, as a lone node.
// Resources are inlined, stylesheets become <style>, frames srcdoc and
// links absolute, exactly as in a tree. What needs the tree is left out:
// <picture> pruning (each srcset still keeps one candidate), lazy images'
// <noscript> duplicates, and <noscript> content shown without scripts is
// kept as written rather than rewritten. Everything else in the text is
// written back byte for byte, so the browser builds the same tree it
// built from the original.

// unit is one token, or a <style> or <script> with its text and end tag.
type unit struct {
	raw    string     // the token as written, for what is not rewritten
	rest   string     // after a <title>: its text and end tag as written
	node   *html.Node // a start tag, as a lone element (nil otherwise)
	holder *html.Node // node's parent while the passes run, and what replaced it
	self   bool       // written as <x/>
	whole  bool       // node holds its text and end tag: render it whole
	drop   bool
	lead   bool // a doctype, comment or white space before the first element
}

// tokenize splits a page into units.
func tokenize(text string) []*unit {
	z := html.NewTokenizer(strings.NewReader(text))
	var units []*unit
	svgDepth := 0
	leading := true
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return units
		}
		raw := string(z.Raw())
		u := &unit{raw: raw}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			leading = false
			tok := z.Token()
			n := &html.Node{Type: html.ElementNode, Data: tok.Data, DataAtom: tok.DataAtom, Attr: tok.Attr}
			if svgDepth > 0 || tok.DataAtom == atom.Svg {
				n.Namespace = "svg"
			}
			if tok.DataAtom == atom.Svg && tt == html.StartTagToken {
				svgDepth++
			}
			u.node, u.self = n, tt == html.SelfClosingTagToken
			if tt == html.StartTagToken && n.Namespace == "" {
				switch n.DataAtom {
				case atom.Style, atom.Script, atom.Title:
					u.whole = n.DataAtom != atom.Title
					readRawText(z, u)
				}
			}
		case html.EndTagToken:
			if tok := z.Token(); tok.DataAtom == atom.Svg && svgDepth > 0 {
				svgDepth--
			}
		case html.DoctypeToken, html.CommentToken:
			u.lead = leading
		case html.TextToken:
			u.lead = leading && strings.TrimSpace(raw) == ""
			leading = u.lead
		}
		units = append(units, u)
	}
}

// readRawText reads the text and end tag of a raw text element into u.
func readRawText(z *html.Tokenizer, u *unit) {
	var text strings.Builder
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if u.whole {
			u.raw += string(z.Raw())
		} else {
			u.rest += string(z.Raw())
		}
		if tt == html.EndTagToken {
			break
		}
		if u.node.DataAtom == atom.Title {
			text.WriteString(z.Token().Data)
		} else {
			text.Write(z.Text())
		}
	}
	u.node.AppendChild(&html.Node{Type: html.TextNode, Data: text.String()})
}

// normalizeUnits is normalize for a page read token by token.
func (d *document) normalizeUnits() {
	for _, u := range d.units {
		if u.node != nil && isHTML(u.node, atom.Base) && attrIndex(u.node, "href") >= 0 {
			if b, ok := resolve(d.url, attrVal(u.node, "href")); ok {
				d.base = b
			}
			break
		}
	}
	for _, u := range d.units {
		n := u.node
		if n == nil {
			if !d.a.opts.KeepScripts && isNoscriptEnd(u.raw) {
				u.drop = true
			}
			continue
		}
		d.hold(u)
		if n.Namespace == "" {
			promoteLazy(n)
		}
		switch {
		case isHTML(n, atom.Noscript) && !d.a.opts.KeepScripts:
			u.drop = true // its text is then read as markup
			continue
		case isHTML(n, atom.Source) && attrIndex(n, "srcset") >= 0:
			cs := parseSrcset(attrVal(n, "srcset"))
			if i := desktop.chooseCandidate(cs, attrVal(n, "sizes")); i >= 0 {
				setAttr(n, "srcset", formatSrcset(cs[i:i+1]))
			}
			continue
		case isHTML(n, atom.Picture), isHTML(n, atom.Video), isHTML(n, atom.Audio):
			continue // their sources are not known here
		}
		d.tidy(n)
		if n.Parent == nil {
			u.drop = true
		}
	}
}

func isNoscriptEnd(raw string) bool {
	return len(raw) > 2 && equalFoldASCII(strings.TrimRight(raw, " \t\n\r\f>"), "</noscript")
}

// hold gives a unit's node a parent, so passes can replace it.
func (d *document) hold(u *unit) {
	if u.holder == nil {
		u.holder = &html.Node{Type: html.DocumentNode}
		u.holder.AppendChild(u.node)
	}
}

// walkUnits runs a pass over each start tag.
func (d *document) walkUnits(p pass) {
	for _, u := range d.units {
		if u.node == nil || u.drop || u.node.Parent == nil {
			continue
		}
		d.visit(u.node, p)
	}
}

// renderUnits writes the page back: untouched tokens as they were, the
// start tags as rewritten, the head nodes after the doctype, the sprites
// at the end.
func (d *document) renderUnits(w io.Writer) error {
	at := 0
	for i, u := range d.units {
		if !u.lead {
			break
		}
		if strings.HasPrefix(strings.ToLower(u.raw), "<!doctype") {
			at = i + 1
		}
	}
	for i := 0; i <= len(d.units); i++ {
		if i == at {
			for _, n := range d.headNodes() {
				if err := html.Render(w, n); err != nil {
					return err
				}
			}
		}
		if i == len(d.units) {
			break
		}
		if err := d.renderUnit(w, d.units[i]); err != nil {
			return err
		}
	}
	if holder := d.spriteHolder(); holder != nil {
		return html.Render(w, holder)
	}
	return nil
}

func (d *document) renderUnit(w io.Writer, u *unit) error {
	if u.drop {
		return nil
	}
	if u.node == nil {
		_, err := io.WriteString(w, u.raw)
		return err
	}
	for c := u.holder.FirstChild; c != nil; c = c.NextSibling {
		if c != u.node || u.whole {
			if err := html.Render(w, c); err != nil {
				return err
			}
			continue
		}
		if err := writeStartTag(w, c, u.self); err != nil {
			return err
		}
		if _, err := io.WriteString(w, u.rest); err != nil {
			return err
		}
	}
	return nil
}

// writeStartTag writes n's start tag alone.
func writeStartTag(w io.Writer, n *html.Node, self bool) error {
	var b strings.Builder
	b.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		b.WriteByte(' ')
		if a.Namespace != "" {
			b.WriteString(a.Namespace + ":")
		}
		b.WriteString(a.Key + `="`)
		b.WriteString(strings.NewReplacer("&", "&amp;", `"`, "&#34;").Replace(a.Val))
		b.WriteByte('"')
	}
	if self {
		b.WriteString("/")
	}
	b.WriteString(">")
	_, err := io.WriteString(w, b.String())
	return err
}
