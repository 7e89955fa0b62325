package page

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// WriteTo streams the complete page to w and returns the bytes written.
// Resources are read from their files as they are written, base64-encoded
// on the way, so memory holds the HTML tree and the stylesheets but never
// the images, fonts or media. It may be called once.
func (a *Assembler) WriteTo(ctx context.Context, w io.Writer) (int64, error) {
	if a.written {
		return 0, ErrWritten
	}
	a.written = true
	cw := &countingWriter{w: w}
	out := bufio.NewWriterSize(cw, 64<<10)
	a.top.prepare(0)
	if err := a.renderExpanded(ctx, out, a.top); err != nil {
		return cw.n, err
	}
	err := out.Flush()
	return cw.n, err
}

// renderExpanded renders d to w with every marker expanded.
func (a *Assembler) renderExpanded(ctx context.Context, w io.Writer, d *document) error {
	e := &expander{a: a, ctx: ctx, w: w}
	buf := bufio.NewWriterSize(e, 32<<10)
	if err := d.render(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	return e.flush()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// prepare turns the document's tree into its saved form, markers in place
// of resources. level is how many srcdoc attributes will hold it.
func (d *document) prepare(level int) {
	if d.prepared {
		return
	}
	d.prepared = true
	d.level = level
	d.uses = map[string]int{}
	d.walk(&writePass{count: true})
	d.decideVars()
	d.walk(&writePass{})
	d.finish()
}

// render writes the prepared document.
func (d *document) render(w io.Writer) error {
	if d.root != nil {
		return html.Render(w, d.root)
	}
	return d.renderUnits(w)
}

// headNodes are what goes first in the saved document's head: its
// encoding, its security policy, the custom properties standing for
// repeated resources and the favicon.
func (d *document) headNodes() []*html.Node {
	nodes := []*html.Node{
		element(atom.Meta, "charset", "utf-8"),
		element(atom.Meta, "http-equiv", "Content-Security-Policy", "content", d.a.policy()),
	}
	if s := d.varsStyle(); s != nil {
		nodes = append(nodes, s)
	}
	if d == d.a.top && !d.hasIcon {
		if icon := d.a.guessedIcon(); icon != nil {
			if m, ok := d.a.inline(markKey{kind: markData, res: icon}); ok {
				nodes = append(nodes, element(atom.Link, "rel", "icon", "href", m))
			}
		}
	}
	return nodes
}

// finish puts the head nodes first in <head> and the sprites' holder at
// the end of <body>.
func (d *document) finish() {
	if d.root == nil {
		return // renderUnits writes them
	}
	head := findFirst(d.root, func(n *html.Node) bool { return isHTML(n, atom.Head) })
	if head == nil {
		return
	}
	first := head.FirstChild
	for _, n := range d.headNodes() {
		head.InsertBefore(n, first)
	}
	if holder := d.spriteHolder(); holder != nil {
		body := findFirst(d.root, func(n *html.Node) bool { return isHTML(n, atom.Body) || isHTML(n, atom.Frameset) })
		if body != nil {
			body.AppendChild(holder)
		}
	}
}

// guessedIcon is /favicon.ico when it was guessed, fetched and is an
// image.
func (a *Assembler) guessedIcon() *resource {
	for _, res := range a.order {
		if res.optional && res.inlined() && strings.HasPrefix(res.mime, "image/") {
			return res
		}
	}
	return nil
}

// decideVars picks the resources used more than once from CSS where a
// var() can stand for them: each is written once, as a custom property.
func (d *document) decideVars() {
	d.vars = map[string]string{}
	if d.a.noDedup {
		return
	}
	n := 0
	for _, res := range d.a.order {
		if d.uses[res.key] >= 2 && res.inlined() {
			// The copy in the custom property is counted now: the
			// property must be there for every var() that uses it.
			m, ok := d.a.inline(markKey{kind: markData, res: res})
			if !ok {
				continue
			}
			n++
			d.vars[res.key] = "--pagekeeper-" + strconv.Itoa(n)
			d.varMarks = append(d.varMarks, d.vars[res.key]+":"+cssURL(m)+";")
		}
	}
}

// varsStyle is the <style> defining the custom properties on :root.
func (d *document) varsStyle() *html.Node {
	if len(d.vars) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(":root{")
	for _, v := range d.varMarks {
		b.WriteString(v)
	}
	b.WriteString("}")
	s := element(atom.Style)
	setText(s, b.String())
	return s
}

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
