package page

import (
	"bufio"
	"context"
	"io"
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
