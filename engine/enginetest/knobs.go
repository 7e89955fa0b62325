package enginetest

import "time"

// Knobs shape one response. They travel in the address's query string (see
// Knobs.Encode and Server.URLFor), so a test scenario is just an address.
// Zero values mean the default.
//
// The order of play is: Latency, then FailTimes, then a redirect
// (RedirectTo, RedirectLoop, Redirect, in that precedence), then Status, then
// the body with its transfer shaping (Hang, Drip, ResetAfter, WrongLength,
// Chunked, Gzip).
type Knobs struct {
	// Size is the body length in bytes: 0 means DefaultSize and a negative
	// value an empty body, so that "empty" is expressible.
	Size int64
	// Latency delays the response headers. Redirect hops inherit it.
	Latency time.Duration
	// Status is the status code, default 200. Non-2xx statuses get a short
	// text body instead of Body; a 3xx Status also sets the code the
	// redirect knobs use (302 otherwise).
	Status int
	// Chunked drops Content-Length, so the body goes out with chunked
	// transfer encoding even when it is short.
	Chunked bool
	// ContentType replaces DefaultContentType; NoContentType sends none.
	ContentType string
	// ResetAfter closes the connection once this many body bytes (on the
	// wire, so compressed with Gzip) have been sent; negative means right
	// after the headers. The client then sees io.ErrUnexpectedEOF. A body
	// shorter than ResetAfter ends normally.
	ResetAfter int64
	// ResetHard makes ResetAfter close with a TCP RST instead of a FIN, as
	// a crashed peer or middlebox would: the client sees "connection reset
	// by peer" and may lose bytes already sent, so expect only an error.
	ResetHard bool
	// WrongLength is added to the announced Content-Length (ignored with
	// Chunked or Gzip). Positive: the server lies high, sends Size bytes
	// and closes, so the client sees io.ErrUnexpectedEOF. Negative: the
	// body is cut to the announced length, which no client can detect.
	WrongLength int64
	// Drip sends the body in DripChunk pieces, flushing each, with this
	// delay between them: a slow but live server.
	Drip time.Duration
	// DripChunk is the piece size for Drip, default 1 KiB.
	DripChunk int
	// Hang sends the headers and then nothing until the client goes away
	// or the server closes: a stalled server for idle-timeout tests.
	Hang bool
	// RetryAfter is sent as the Retry-After header on non-2xx responses.
	RetryAfter string
	// FailTimes makes the first FailTimes requests for this exact address
	// (path and query) fail with Status, or 503 if Status is 0 or 2xx;
	// later ones get 200 and the body. The count lives as long as the
	// Server, so tests sharing one should use distinct paths. Redirect hops
	// do not inherit it.
	FailTimes int
	// Redirect answers with this many redirect hops (302, or Status if it
	// is 301, 303, 307 or 308) before the body. The hop with N hops still
	// to go is /redir/N followed by the body path, so the last is /redir/0.
	Redirect int
	// RedirectLoop redirects to the very same address forever.
	RedirectLoop bool
	// RedirectTo redirects once to exactly this Location, such as
	// "ftp://example.com/x" or "file:///etc/passwd".
	RedirectTo string
	// Disposition is the filename of a "Content-Disposition: attachment"
	// header, encoded with mime.FormatMediaType (RFC 2231 for non-ASCII).
	Disposition string
	// DispositionRaw is sent verbatim as the Content-Disposition header,
	// for malformed values; it wins over Disposition.
	DispositionRaw string
	// Gzip sends the body gzip-compressed, with Content-Encoding: gzip and
	// chunked (no Content-Length), when the request accepts gzip. Clients
	// that decompress then count decompressed bytes.
	Gzip bool
	// HeaderBytes pads the answer's headers with about this many bytes of
	// X-Padding lines, before any body: a server that floods headers.
	HeaderBytes int
	// Switch answers "101 Switching Protocols" to a request that asked for
	// no upgrade, then sends bytes for ever (until the client goes away).
	Switch bool
	// BodyPath names the body (see Body) instead of the request's path, so
	// several addresses can serve identical bytes. Redirect hops set it to
	// the original path.
	BodyPath string
}

const (
	// DefaultSize is the body length when Knobs.Size is zero.
	DefaultSize = 1024
	// DefaultContentType is the Content-Type when Knobs.ContentType is empty.
	DefaultContentType = "text/html; charset=utf-8"
	// NoContentType as Knobs.ContentType sends no Content-Type at all (and
	// stops net/http from sniffing one).
	NoContentType = "-"
	// DefaultDripChunk is the piece size when Knobs.DripChunk is zero.
	DefaultDripChunk = 1024
)

// BodySize is the number of body bytes k asks for, resolving the zero and
// negative conventions of Size, for use with Body, BodyReader and BodySHA256.
func (k Knobs) BodySize() int64 {
	switch {
	case k.Size == 0:
		return DefaultSize
	case k.Size < 0:
		return 0
	}
	return k.Size
}

func (k Knobs) status() int {
	if k.Status == 0 {
		return 200
	}
	return k.Status
}

func (k Knobs) dripChunk() int {
	if k.DripChunk <= 0 {
		return DefaultDripChunk
	}
	return k.DripChunk
}
