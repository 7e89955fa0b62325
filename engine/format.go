package engine

import (
	"context"
	"io"
	"net/url"
	"time"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/fetch"
	"pagekeeper/engine/naming"
)

// Format decides what is written to disk for a downloaded page. The save
// stage handles naming, temporary files, hashing and syncing; a Format
// builds the bytes, and may first ask for resources (a complete page's
// styles, images and fonts), which the download workers fetch through the
// same scheduler, limits and retries as pages.
type Format interface {
	// Name is how the manifest and the web archive name the format.
	Name() string
	// Begin starts keeping one downloaded page. It runs on a save worker.
	Begin(ctx context.Context, p *Page) (Assembly, error)
}

// Assembly is one page being kept. The engine calls it from one save
// worker at a time; between calls it holds no worker at all.
type Assembly interface {
	// Wants lists resources to fetch before the page can be written;
	// each address is asked for once. Empty means ready to write.
	Wants() []Want
	// Provide hands over a wanted resource, fetched or failed.
	Provide(r Resource) error
	// Extension is the saved file's extension, with its dot.
	Extension() string
	// Write writes the kept form of the page.
	Write(ctx context.Context, w io.Writer) error
	// Missing lists the resources the page does without.
	Missing() []MissingResource
	// Title is the page's title, "" when it has none.
	Title() string
	// Close frees what the assembly holds.
	Close()
}

// Want is a resource a page needs.
type Want struct {
	URL      string // absolute http(s), no fragment
	Accept   string // the Accept header to send
	Referrer string // the document or stylesheet that refers to it
	// Optional is a guess (the /favicon.ico a browser tries): it is not
	// retried, and its failure is nobody's loss.
	Optional bool
}

// Resource is a wanted resource as the assembly sees it.
type Resource struct {
	URL         string
	FinalURL    string
	ContentType string
	Size        int64 // bytes as received
	// DecodedSize is the size Open gives, -1 when not known without
	// reading (a compressed body).
	DecodedSize int64
	// Open reads the decoded bytes; nil when the resource failed.
	Open    func() (io.ReadCloser, error)
	Failure failure.Failure
}

// Page is a downloaded page as a Format sees it.
type Page struct {
	URL         *url.URL // the address as added, without a login
	FinalURL    *url.URL // after redirects
	Status      int
	ContentType string
	Disposition string // the file name the server suggested, if any
	// PageLimit is the most a complete page may inline of its resources.
	PageLimit int64
	// Fetched is when the page's final request was sent.
	Fetched time.Time
	body    *fetch.Body
}

// Body reads the page's content (decoded when the server compressed it).
func (p *Page) Body() (io.ReadCloser, error) { return p.body.Decoded() }

// AsServed keeps the page exactly as the server sent it.
type AsServed struct{}

// Name is "served".
func (AsServed) Name() string { return "served" }

// Begin keeps the body as it is; nothing more is needed.
func (AsServed) Begin(_ context.Context, p *Page) (Assembly, error) { return Verbatim(p), nil }

// Verbatim is the assembly that keeps p's body unchanged, with the
// extension its address, file name or type suggests: what every format
// does with files that are not web pages (PDF, images, archives).
func Verbatim(p *Page) Assembly { return &verbatim{p: p} }

// verbatim lets the saver keep a downloaded temporary file as the saved
// file instead of copying it, for the largest pages.
type verbatim struct{ p *Page }

func (v *verbatim) Wants() []Want              { return nil }
func (v *verbatim) Provide(Resource) error     { return nil }
func (v *verbatim) Missing() []MissingResource { return nil }
func (v *verbatim) Title() string              { return "" }
func (v *verbatim) Close()                     {}
func (v *verbatim) Extension() string {
	return naming.Extension(v.p.FinalURL, v.p.Disposition, v.p.ContentType)
}

// Write copies the content unchanged.
func (v *verbatim) Write(ctx context.Context, w io.Writer) error {
	r, err := v.p.Body()
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(w, r)
	return err
}
