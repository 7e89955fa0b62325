package enginetest

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// errReset stops the body once Knobs.ResetAfter bytes are out.
var errReset = errors.New("enginetest: reset after the requested bytes")

// wire is the writer just above the connection: it applies ResetAfter and
// Drip to the bytes as they go out (compressed ones with Gzip). Without
// either it passes writes straight through, keeping large bodies fast.
type wire struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	s       *Server
	ctx     context.Context
	limit   int64 // bytes to send before errReset; -1 for no limit
	drip    time.Duration
	chunk   int
	written int64
}

// check says whether the limit is already reached, so ResetAfter also works
// before the first byte and on an empty body.
func (o *wire) check() error {
	if o.limit >= 0 && o.written >= o.limit {
		return errReset
	}
	return nil
}

func (o *wire) Write(p []byte) (int, error) {
	total := 0
	for len(p) > 0 {
		if err := o.check(); err != nil {
			return total, err
		}
		piece := p
		if o.drip > 0 {
			if len(piece) > o.chunk {
				piece = piece[:o.chunk]
			}
			if o.written > 0 {
				if err := o.s.wait(o.ctx, o.drip); err != nil {
					return total, err
				}
			}
		}
		if o.limit >= 0 {
			piece = piece[:min(int64(len(piece)), o.limit-o.written)]
		}
		n, err := o.w.Write(piece)
		total += n
		o.written += int64(n)
		p = p[n:]
		if err != nil {
			return total, err
		}
		if o.drip > 0 {
			// Each piece must reach the client now, or the drip is only
			// a delay of the whole body.
			if err := o.rc.Flush(); err != nil {
				return total, err
			}
		}
	}
	return total, o.check()
}
