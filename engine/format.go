package engine

import (
	"context"
	"io"
	"net/url"

	"pagekeeper/engine/naming"
)

// Format decides what is written to disk for a downloaded page. The save
// stage handles naming, temporary files, hashing and syncing; a Format only
// picks the extension and writes the bytes, so new formats (a complete
// self-contained page, WARC) plug in without touching the pipeline.
type Format interface {
	// Extension is the file extension, with its dot, for p.
	Extension(p *Page) string
	// Write writes the kept form of p to w.
	Write(ctx context.Context, w io.Writer, p *Page) error
}

// Page is a downloaded page as a Format sees it.
type Page struct {
	URL         *url.URL // the address as added
	FinalURL    *url.URL // after redirects
	Status      int
	ContentType string
	Disposition string // the file name the server suggested, if any
	body        *body
}

// Body returns a reader over the page's bytes as served.
func (p *Page) Body() (io.Reader, error) { return p.body.Open() }

// AsServed keeps the page exactly as the server sent it.
type AsServed struct{}

// verbatim is a Format whose output is the body unchanged, so the saver may
// keep the downloaded temporary file instead of copying it.
type verbatim interface{ verbatim() }

func (AsServed) verbatim() {}

// Extension follows the address, the server's file name or the content type.
func (AsServed) Extension(p *Page) string {
	return naming.Extension(p.FinalURL, p.Disposition, p.ContentType)
}

// Write copies the body unchanged.
func (AsServed) Write(ctx context.Context, w io.Writer, p *Page) error {
	r, err := p.Body()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}
