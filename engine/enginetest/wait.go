package enginetest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

var errClosed = errors.New("enginetest: server closed")

// wait pauses a handler for d, but returns early with an error when the
// client goes away or the server closes, so no handler outlives either.
func (s *Server) wait(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-s.done:
		return errClosed
	}
}

// hang blocks until the client goes away or the server closes.
func (s *Server) hang(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-s.done:
	}
}

// abort sends what was written so far and drops the connection without
// ending the response, so the client sees a truncated body rather than a
// complete short one. It does not return.
func abort(w http.ResponseWriter) {
	http.NewResponseController(w).Flush()
	drop()
}

// drop closes the connection (with a FIN) without sending anything more,
// not even headers still unsent. It does not return.
func drop() {
	// net/http recovers this particular panic silently.
	panic(http.ErrAbortHandler)
}

// resetHard sends what was written so far, then closes the connection with
// a TCP RST by turning lingering off, as a crashed peer would.
func resetHard(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	rc.Flush()
	conn, _, err := rc.Hijack()
	if err != nil {
		abort(w)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}
