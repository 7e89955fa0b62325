package fetch

import (
	"context"
	"errors"
	"io"
	"sync/atomic"
	"time"
)

// Causes a transfer is cut short for, set on the request's context.
var (
	errIdle     = errors.New("fetch: idle timeout")
	errTooSlow  = errors.New("fetch: below the speed floor")
	errTooLarge = errors.New("fetch: over the size limit")
)

// watchdog cancels a transfer that goes silent for the idle timeout or
// runs below the speed floor. Timers, not goroutines: nothing to leak.
type watchdog struct {
	s        Settings
	cancel   context.CancelCauseFunc
	idle     *time.Timer
	floor    *time.Timer
	received atomic.Int64 // bytes so far
	mark     int64        // bytes at the start of the floor's window
}

func newWatchdog(s Settings, cancel context.CancelCauseFunc) *watchdog {
	w := &watchdog{s: s, cancel: cancel}
	w.idle = time.AfterFunc(s.IdleTimeout, func() { cancel(errIdle) })
	if s.MinRate > 0 {
		w.floor = time.AfterFunc(s.MinRateTime, w.checkFloor)
	}
	return w
}

// checkFloor runs once per window: fewer bytes than the floor allows over
// the window fails the transfer, otherwise the next window starts.
func (w *watchdog) checkFloor() {
	now := w.received.Load()
	if float64(now-w.mark) < float64(w.s.MinRate)*w.s.MinRateTime.Seconds() {
		w.cancel(errTooSlow)
		return
	}
	w.mark = now
	w.floor.Reset(w.s.MinRateTime)
}

func (w *watchdog) got(n int) {
	w.received.Add(int64(n))
	w.idle.Reset(w.s.IdleTimeout)
}

func (w *watchdog) stop() {
	w.idle.Stop()
	if w.floor != nil {
		w.floor.Stop()
	}
}

// copyBody reads src into b until EOF, the size cap or an error, calling
// progress with each piece's size as it arrives.
func copyBody(b *Body, src io.Reader, max int64, dog *watchdog, progress func(int64)) error {
	bp := bufferPool.Get().(*[]byte)
	defer bufferPool.Put(bp)
	buf := *bp
	for {
		k, rerr := src.Read(buf)
		if k > 0 {
			dog.got(k)
			if b.size+int64(k) > max {
				return errTooLarge
			}
			if err := b.write(buf[:k]); err != nil {
				return &diskErr{err}
			}
			if progress != nil {
				progress(int64(k))
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

// diskErr marks a failure to keep the bytes, not to receive them.
type diskErr struct{ err error }

func (d *diskErr) Error() string { return d.err.Error() }
func (d *diskErr) Unwrap() error { return d.err }
