package page

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// document is the page or one of its frames (or an SVG sprite's content),
// parsed, with what it refers to.
type document struct {
	a     *Assembler
	root  *html.Node // the parsed tree; nil when the parser refused the text
	units []*unit    // the text token by token when it did (fallback.go)
	url   *url.URL   // its own address; a srcdoc frame has its parent's
	base  *url.URL   // what relative addresses resolve against
	// charset is the encoding the document came in: the fallback of its
	// stylesheets and scripts.
	charset string
	depth   int      // 0 for the page, 1 for its frames, and so on
	chain   []string // its own address and those of the frames around it
	frames  map[*html.Node]*frameSlot
	hasIcon bool
	sprite  bool // the content of an SVG sprite, not a document
	// spriteDepth is how many sprites deep an SVG sprite's content is.
	spriteDepth int

	// Set while writing.
	prepared bool
	level    int               // how many srcdoc attributes hold this document
	uses     map[string]int    // resource key -> var()-able uses in CSS
	vars     map[string]string // resource key -> custom property standing for it
	varMarks []string          // the custom properties' definitions
	sprites  []*sprite         // sprites its <use> elements refer to
}

// newDocument parses a document's text (UTF-8) and looks for what it
// needs.
func (a *Assembler) newDocument(text, charset string, docURL *url.URL, depth int, chain []string) *document {
	d := &document{
		a: a, url: docURL, base: docURL, charset: charset, depth: depth, chain: chain,
		frames: map[*html.Node]*frameSlot{},
	}
	// With scripts removed, <noscript> must be parsed as markup to be
	// shown; with scripts kept, it stays text, as the browser reads it.
	root, err := html.ParseWithOptions(strings.NewReader(text), html.ParseOptionEnableScripting(a.opts.KeepScripts))
	if err == nil {
		d.root = root
		d.normalize()
	} else {
		d.units = tokenize(text)
		d.normalizeUnits()
	}
	a.docs = append(a.docs, d)
	d.walk(discoverPass{})
	return d
}

// title is the text of the document's <title>, white space collapsed.
func (d *document) title() string {
	var t string
	if d.root != nil {
		if n := findFirst(d.root, func(n *html.Node) bool { return isHTML(n, atom.Title) }); n != nil {
			t = textOf(n)
		}
	} else {
		for _, u := range d.units {
			if u.node != nil && isHTML(u.node, atom.Title) {
				t = textOf(u.node)
				break
			}
		}
	}
	return strings.Join(strings.Fields(t), " ")
}

// discoverFavicon guesses /favicon.ico, as browsers do, when the page
// names no icon.
func (d *document) discoverFavicon() {
	if d.hasIcon || !isWeb(d.url) {
		return
	}
	u := &url.URL{Scheme: d.url.Scheme, Host: d.url.Host, Path: "/favicon.ico"}
	d.a.wantGuess(wantKey(u), Image, urlString(d.url))
}

// resolveKey resolves raw against the document's base and returns the
// address and its want key; ok is false for what cannot be fetched (empty,
// a fragment alone, data:, javascript: and other schemes).
func resolveKey(base *url.URL, raw string) (*url.URL, string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || raw[0] == '#' {
		return nil, "", false
	}
	u, ok := resolve(base, raw)
	if !ok || !isWeb(u) {
		return nil, "", false
	}
	return u, wantKey(u), true
}
