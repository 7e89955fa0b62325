package engine

import (
	"context"
	"errors"
	"io"

	"pagekeeper/engine/page"
)

// Complete keeps a web page as one self-contained file: its styles,
// images, fonts and frames inlined, so it opens years later with the site
// gone and the network off (see package page). Files that are not web
// pages (PDF, images, archives) are kept as they came.
type Complete struct {
	// KeepScripts keeps the page's scripts (inlined, unable to reach the
	// network); false removes them and their event attributes.
	KeepScripts bool
}

// Name is "complete".
func (Complete) Name() string { return "complete" }

// Begin parses an HTML page, or keeps anything else verbatim.
func (c Complete) Begin(_ context.Context, p *Page) (Assembly, error) {
	r, err := p.Body()
	if err != nil {
		return nil, err
	}
	sniff := make([]byte, 512)
	n, _ := io.ReadFull(r, sniff)
	r.Close()
	if !page.IsHTML(p.ContentType, sniff[:n]) {
		return Verbatim(p), nil
	}
	if r, err = p.Body(); err != nil {
		return nil, err
	}
	defer r.Close()
	limited := &capReader{r: r, left: maxParsedPage}
	a, err := page.NewAssembler(page.Options{KeepScripts: c.KeepScripts, PageLimit: p.PageLimit}, p.FinalURL, p.ContentType, limited)
	if limited.over {
		// Parsing holds the page in memory: a page this large (or a
		// compressed bomb) is kept as it came instead.
		return Verbatim(p), nil
	}
	if err != nil {
		return nil, err
	}
	return &completePage{a: a}, nil
}

// maxParsedPage is the largest HTML page parsed into a complete page.
const maxParsedPage = 64 << 20

// capReader fails once more than left bytes were read.
type capReader struct {
	r    io.Reader
	left int64
	over bool
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		c.over = true
		return 0, errPageTooBig
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

var errPageTooBig = errors.New("page too large to parse")

// completePage adapts a page.Assembler to the engine's Assembly.
type completePage struct{ a *page.Assembler }

func (c *completePage) Wants() []Want {
	ws := c.a.Wants()
	out := make([]Want, len(ws))
	for i, w := range ws {
		out[i] = Want{URL: w.URL, Accept: w.Kind.Accept(), Referrer: w.Referrer, Optional: w.Optional}
	}
	return out
}

func (c *completePage) Provide(r Resource) error {
	return c.a.Provide(page.Resource{
		URL: r.URL, FinalURL: r.FinalURL, ContentType: r.ContentType,
		Size: r.DecodedSize, Open: r.Open, Failure: r.Failure,
	})
}

func (c *completePage) Extension() string { return ".html" }
func (c *completePage) Title() string     { return c.a.Title() }
func (c *completePage) Close()            {}

func (c *completePage) Write(ctx context.Context, w io.Writer) error {
	_, err := c.a.WriteTo(ctx, w)
	return err
}

func (c *completePage) Missing() []MissingResource {
	m := c.a.Missing()
	out := make([]MissingResource, len(m))
	for i, x := range m {
		out[i] = MissingResource{URL: x.URL, Failure: x.Failure}
	}
	return out
}
