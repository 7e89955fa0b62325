package fetch

import (
	"context"
	"sync"
)

// Pending counts exchanges handed to the recorder and not yet written,
// so a caller can wait until everything a page was made of is in the
// archive before calling the page saved. The zero value is ready.
type Pending struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed while n is zero; nil means closed
}

func (p *Pending) add() {
	p.mu.Lock()
	if p.n == 0 {
		p.idle = make(chan struct{})
	}
	p.n++
	p.mu.Unlock()
}

func (p *Pending) done() {
	p.mu.Lock()
	p.n--
	if p.n == 0 {
		close(p.idle)
	}
	p.mu.Unlock()
}

// Wait returns once every exchange counted is written (or given up by
// the recorder), or ctx ends.
func (p *Pending) Wait(ctx context.Context) error {
	p.mu.Lock()
	idle := p.idle
	n := p.n
	p.mu.Unlock()
	if n == 0 || idle == nil {
		return nil
	}
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
