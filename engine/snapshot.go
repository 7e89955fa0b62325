package engine

import (
	"slices"
	"time"
)

// Snapshot is a value copy of the engine's progress at one moment.
type Snapshot struct {
	// Version identifies this moment: pass it to Changes to get only what
	// changed after it.
	Version uint64
	Phase   Phase
	Totals  Totals
	// Jobs holds every job (from Snapshot) or only those changed since the
	// version asked for, plus every job still moving bytes (from Changes),
	// in ID order.
	Jobs []JobStatus
}

// Totals sums up the run for a footer.
type Totals struct {
	Jobs    int            // jobs in the list
	Counts  [NumStates]int // jobs in each state
	Queued  int            // jobs waiting for a download worker
	Bytes   int64          // bytes received by all jobs
	Speed   float64        // bytes per second, recent
	ETA     time.Duration  // time left for the run, -1 when unknown
	Elapsed time.Duration  // since the run started
}

// Finished is how many jobs have ended, in any way.
func (t Totals) Finished() int {
	return t.Counts[Saved] + t.Counts[Failed] + t.Counts[Canceled] + t.Counts[Skipped]
}

// Snapshot returns every job and the totals. It costs a copy of the whole
// list: call it once, then Changes.
func (e *Engine) Snapshot() Snapshot {
	now := time.Now()
	e.mu.Lock()
	defer e.mu.Unlock()
	s := Snapshot{Version: e.version, Phase: e.phase, Totals: e.totals(now), Jobs: make([]JobStatus, len(e.all))}
	for i, j := range e.all {
		s.Jobs[i] = j.snapshot(now)
	}
	return s
}

// Changes returns the jobs changed after version since, every job still
// moving bytes, and the totals. Its cost follows the number of changes, not
// the length of the list.
func (e *Engine) Changes(since uint64) Snapshot {
	now := time.Now()
	e.mu.Lock()
	defer e.mu.Unlock()
	s := Snapshot{Version: e.version, Phase: e.phase, Totals: e.totals(now)}
	for j := e.tail; j != nil && j.version > since; j = j.prev {
		s.Jobs = append(s.Jobs, j.snapshot(now))
	}
	for j := range e.active {
		if j.version <= since {
			s.Jobs = append(s.Jobs, j.snapshot(now))
		}
	}
	slices.SortFunc(s.Jobs, func(a, b JobStatus) int { return a.ID - b.ID })
	return s
}

// totals sums up the list. Callers hold e.mu.
func (e *Engine) totals(now time.Time) Totals {
	t := Totals{Jobs: len(e.byID), Counts: e.counts, Queued: len(e.queue), Bytes: e.bytes.Load(), ETA: -1}
	if e.run == nil {
		return t
	}
	end := now
	if !e.phase.Busy() {
		end = e.run.ended
	}
	t.Elapsed = end.Sub(e.run.started)
	if e.phase.Busy() {
		e.bytesRate.observe(now, t.Bytes)
		t.Speed = e.bytesRate.rate()
		finished := t.Finished() - e.run.finishedBefore
		left := t.Jobs - t.Finished()
		if finished > 0 && left > 0 {
			t.ETA = time.Duration(float64(t.Elapsed) / float64(finished) * float64(left))
		}
		// The run cannot end before its slowest transfer does.
		for j := range e.active {
			if j.meter == nil || j.total <= 0 {
				continue
			}
			if r := j.meter.rate(); r > 0 {
				t.ETA = max(t.ETA, time.Duration(float64(j.total-j.done.Load())/r*float64(time.Second)))
			}
		}
	}
	return t
}
