package page

import (
	"io"

	"pagekeeper/engine/failure"
)

// WantKind is what a wanted resource is for. The engine uses it to choose
// the Accept header (see Accept) and the assembler to decide how to parse
// what arrives.
type WantKind int

// The kinds of resources a page wants.
const (
	Other      WantKind = iota // object, embed, subtitles and the like
	Stylesheet                 // CSS from <link rel=stylesheet> or @import
	Image                      // images, icons, SVG sprites
	Font                       // web fonts from @font-face
	Frame                      // the document of a frame or iframe
	Script                     // <script src>
	Media                      // audio and video
)

var kindNames = [...]string{"other", "stylesheet", "image", "font", "frame", "script", "media"}

// String names the kind for logs and tests.
func (k WantKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Accept is the Accept request header a browser sends for this kind, so
// servers that negotiate (WebP images, HTML frames) answer as they would
// answer the browser.
func (k WantKind) Accept() string {
	switch k {
	case Stylesheet:
		return "text/css,*/*;q=0.1"
	case Image:
		return "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"
	case Frame:
		return "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8"
	}
	return "*/*"
}

// Want is one resource the page needs.
type Want struct {
	// URL is absolute http or https, without a fragment.
	URL  string
	Kind WantKind
	// Referrer is the address of the document or stylesheet that refers
	// to the resource; sites that refuse hotlinking look at it.
	Referrer string
	// Optional is set for a guess the browser makes too (/favicon.ico when
	// the page names no icon): its failure is not reported as missing.
	Optional bool
}

// Resource is one wanted resource as the engine fetched it, or failed to.
type Resource struct {
	URL         string // as in Want.URL
	FinalURL    string // after redirects: the base of relative URLs inside
	ContentType string // the response's Content-Type header
	Size        int64  // bytes Open gives; negative when not known
	// Open gives the decoded bytes, as many times as asked.
	Open func() (io.ReadCloser, error)
	// Failure is set (Kind != None) when the resource could not be
	// fetched; Open is then not used.
	Failure failure.Failure
}

// Missing is a resource the saved page does not include, and why.
type Missing struct {
	URL     string
	Failure failure.Failure
}
