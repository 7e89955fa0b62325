package engine

import (
	"context"
	"sync"
)

// hostLimiter lets at most n requests at once reach one site, so many
// workers on one list do not hammer a single server.
type hostLimiter struct {
	n     int
	mu    sync.Mutex
	slots map[string]chan struct{}
}

func newHostLimiter(n int) *hostLimiter {
	return &hostLimiter{n: n, slots: map[string]chan struct{}{}}
}

// acquire waits for a slot for host; the returned func gives it back.
func (h *hostLimiter) acquire(ctx context.Context, host string) (func(), error) {
	h.mu.Lock()
	slot, ok := h.slots[host]
	if !ok {
		slot = make(chan struct{}, h.n)
		h.slots[host] = slot
	}
	h.mu.Unlock()
	select {
	case slot <- struct{}{}:
		return func() { <-slot }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
