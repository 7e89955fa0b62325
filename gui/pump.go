package gui

import (
	"sync"
	"sync/atomic"
	"time"

	"pagekeeper/engine"
)

// pumpInterval is how often the window asks the engine what changed and
// draws it: twice a second, as download lists do (once a second in
// most). Each tick that changes what is on screen paints the whole
// window, about 24 ms of CPU under software drawing, so ten a second
// would cost a quarter of a core; a person's own actions show at once
// (refreshNow), not at the next tick.
const pumpInterval = 500 * time.Millisecond

// pump carries the engine's progress to the window. Its goroutine only asks
// the engine for changes; every widget is touched inside the one function
// it hands to do, which runs on the goroutine that owns the widgets.
type pump struct {
	eng   *engine.Engine
	apply func(engine.Snapshot)
	do    func(func())

	last uint64 // version of the last snapshot taken; only tick touches it
	// problems is the last Problem and ListProblem sent: they change
	// without a new version (the list's writer works in the background),
	// so an idle tick still sends a snapshot when they do. Only tick
	// touches it.
	problems [2]string
	waiting  atomic.Bool // a snapshot is on its way to the UI and not applied yet

	quit     chan struct{}
	exited   chan struct{} // closed when the goroutine has returned
	stopOnce sync.Once
	started  atomic.Bool
}

func newPump(eng *engine.Engine, do func(func()), apply func(engine.Snapshot)) *pump {
	return &pump{eng: eng, do: do, apply: apply, quit: make(chan struct{}), exited: make(chan struct{})}
}

// tick takes what changed since the last tick and hands it to the UI in one
// call of do. While the previous snapshot still waits for the UI it does
// nothing: a busy main thread then sees fewer, fuller snapshots instead of a
// growing queue of stale ones.
func (p *pump) tick() {
	select {
	case <-p.quit:
		return
	default:
	}
	if !p.waiting.CompareAndSwap(false, true) {
		return
	}
	s := p.eng.Changes(p.last)
	problems := [2]string{s.Problem, s.ListProblem}
	if s.Version == p.last && len(s.Jobs) == 0 && !s.Phase.Busy() && problems == p.problems {
		// An idle list: nothing to draw, and no reason to wake the
		// window's goroutine twice a second.
		p.waiting.Store(false)
		return
	}
	p.problems = problems
	prev := p.last
	p.last = s.Version
	parts := split(s, applyBatch, prev)
	for i, part := range parts {
		last := i == len(parts)-1
		p.do(func() {
			if last {
				p.waiting.Store(false)
			}
			p.apply(part)
		})
	}
}

// applyBatch is the most rows one call on the window's goroutine takes
// in: a list of 700,000 added from a file arrives in pieces the window
// takes in a few milliseconds each, with drawing and input in between,
// not in one call that holds the window for a second.
const applyBatch = 10_000

// split cuts a snapshot of changes into snapshots of at most n jobs each,
// in ID order; the removals go with the first. Every part but the last
// carries version prev, the one before s: until the last part is in, the
// window asks the engine for changes since prev (refreshNow, between two
// parts), so no row of a later part can be lost. A full snapshot stays
// whole: it replaces the list as a whole.
func split(s engine.Snapshot, n int, prev uint64) []engine.Snapshot {
	if s.Full || len(s.Jobs) <= n {
		return []engine.Snapshot{s}
	}
	var parts []engine.Snapshot
	for i := 0; i < len(s.Jobs); i += n {
		part := s
		part.Jobs = s.Jobs[i:min(i+n, len(s.Jobs))]
		if i > 0 {
			part.Removed = nil
		}
		if i+n < len(s.Jobs) {
			part.Version = prev
		}
		parts = append(parts, part)
	}
	return parts
}

// start runs tick every interval on a goroutine of its own until stop.
func (p *pump) start(interval time.Duration) {
	if !p.started.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer close(p.exited)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				p.tick()
			}
		}
	}()
}

// stop ends the goroutine and waits until it has returned, so it hands
// nothing more to the window; it is safe to call more than once, and
// before start. It never waits long: the goroutine never blocks on the
// window (do only queues).
func (p *pump) stop() {
	p.stopOnce.Do(func() { close(p.quit) })
	if p.started.Load() {
		<-p.exited
	}
}
