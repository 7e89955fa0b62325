// Package capture describes one HTTP exchange as it went over the wire: the
// request head as sent, the response head as received and the payload
// before any content decoding. The fetch layer fills it in for every page,
// resource and redirect hop; a run-level recorder (the web archive writer)
// takes it from there. It knows nothing of the scheduler or of files.
package capture

import (
	"context"
	"io"
	"time"
)

// Exchange is one request and its answer. Its heads are bytes exactly as
// they are stored in a web archive: the request or status line, header
// lines and the blank line that ends them, each line ending in CRLF.
type Exchange struct {
	// Started is when the request was sent (a WARC record's WARC-Date).
	Started time.Time
	// Method is the request method, such as GET.
	Method string
	// TargetURI is the address requested, without any user name or
	// password, so it can be shown and stored.
	TargetURI string
	// RemoteIP is the server's IP address, "" when it is not known.
	RemoteIP string
	// Request is the request head as sent. A password sent for the
	// address's login appears as "Authorization: Basic ***".
	Request []byte
	// Response is the response head as received. Transfer-Encoding is
	// left out because Payload holds the body with its chunking removed.
	Response []byte
	// Status is the HTTP status code of the answer.
	Status int
	// Payload is the body as it came over the wire (still compressed when
	// the server compressed it); nil when the answer had no body.
	Payload Payload
	// Truncated says why the payload is incomplete ("length", "time",
	// "disconnect"), or "" when it arrived whole.
	Truncated string

	release func()
}

// Payload is a body kept by the fetch layer, in memory or in a temporary
// file, readable any number of times until the exchange is released.
type Payload interface {
	// Open returns a reader over the payload from its first byte.
	Open() (io.ReadCloser, error)
	// Size is the payload's length in bytes.
	Size() int64
	// SHA256 is the digest of the payload's bytes.
	SHA256() [32]byte
}

// SetRelease sets what Release does; the fetch layer uses it to free the
// payload once every holder is done with it.
func (e *Exchange) SetRelease(f func()) { e.release = f }

// Release tells the fetch layer that this holder no longer needs the
// exchange's payload. Each holder calls it exactly once.
func (e *Exchange) Release() {
	if e.release != nil {
		e.release()
	}
}

// Recorder takes exchanges as they happen, for example to write them to a
// web archive. Record may block to slow fetching down (a slow disk must
// not grow memory), but returns when ctx ends. It owns one hold on the
// exchange and calls Release when done with it, whatever happens.
type Recorder interface {
	Record(ctx context.Context, e *Exchange) error
}
