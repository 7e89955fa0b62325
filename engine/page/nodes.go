package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attrIndex is the index of attribute key in n, or -1. An SVG "xlink:href"
// is found by key "xlink:href" whether the parser split off its namespace
// or the tokenizer kept it whole.
func attrIndex(n *html.Node, key string) int {
	ns, local := "", key
	if i := strings.IndexByte(key, ':'); i > 0 {
		ns, local = key[:i], key[i+1:]
	}
	for i, a := range n.Attr {
		if a.Namespace == ns && strings.EqualFold(a.Key, local) {
			return i
		}
		if a.Namespace == "" && ns != "" && strings.EqualFold(a.Key, key) {
			return i
		}
	}
	return -1
}

// attr is the value of attribute key and whether n has it.
func attr(n *html.Node, key string) (string, bool) {
	if i := attrIndex(n, key); i >= 0 {
		return n.Attr[i].Val, true
	}
	return "", false
}

// attrVal is the value of attribute key, "" when n lacks it.
func attrVal(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// setAttr sets attribute key, adding it when n lacks it.
func setAttr(n *html.Node, key, val string) {
	if i := attrIndex(n, key); i >= 0 {
		n.Attr[i].Val = val
		return
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// removeAttr removes attribute key, if n has it.
func removeAttr(n *html.Node, key string) {
	if i := attrIndex(n, key); i >= 0 {
		n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
	}
}

// isHTML reports whether n is the HTML element a.
func isHTML(n *html.Node, a atom.Atom) bool {
	return n.Type == html.ElementNode && n.Namespace == "" && n.DataAtom == a
}

// isSVG reports whether n is the SVG element name (case-insensitive, as
// the tokenizer does not restore SVG's camel case).
func isSVG(n *html.Node, name string) bool {
	return n.Type == html.ElementNode && n.Namespace == "svg" && strings.EqualFold(n.Data, name)
}

// relTokens is the set of link types in a rel attribute, lower case.
func relTokens(n *html.Node) map[string]bool {
	set := map[string]bool{}
	for _, t := range strings.Fields(strings.ToLower(attrVal(n, "rel"))) {
		set[t] = true
	}
	return set
}

// textOf is the text of n's text children (the content of a <style>,
// <script> or <title>).
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// setText replaces n's children with one text node.
func setText(n *html.Node, s string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		c = next
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: s})
}

// remove takes n out of its parent, if it has one.
func remove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

// element makes a new HTML element with the given attributes (key, value
// pairs).
func element(a atom.Atom, kv ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: kv[i], Val: kv[i+1]})
	}
	return n
}

// findFirst is the first element in document order for which match is
// true, or nil.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, match); f != nil {
			return f
		}
	}
	return nil
}

// eachElement calls f for every element under n in document order. f may
// remove the element it is given or put new nodes before it: the walk goes
// on with the element's children if it is still in the tree, then with
// its next sibling as it was before f ran, so new nodes are not visited.
func eachElement(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			f(c)
			if c.Parent != nil {
				eachElement(c, f)
			}
		}
		c = next
	}
}
