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
	// Full says Jobs is the whole list: a caller drops any job it knows
	// that is not in it.
	Full bool
	// List names the list shown: it changes when another folder's list
	// replaces it (Reconfigure to another folder), whose IDs start anew.
	List uint64
	// Jobs holds every job (Full) or only those changed since the version
	// asked for plus every job still moving bytes, in ID order.
	Jobs []JobStatus
	// Removed lists the jobs removed since the version asked for (not Full).
	Removed []int
	// Problem says why the last run could not start, or what went wrong
	// at its end (its web archive); "" when nothing did.
	Problem string
	// ListProblem says why the folder's list cannot be written right now
	// (the engine keeps trying); "" while it is written.
	ListProblem string
}

// Totals sums up the run for a footer.
type Totals struct {
	Jobs    int            // jobs in the list
	Counts  [NumStates]int // jobs in each state
	Bytes   int64          // bytes received by jobs kept or still coming
	Speed   float64        // bytes per second, recent
	ETA     time.Duration  // time left for the run, -1 when unknown
	Elapsed time.Duration  // since the run started
	// Waiting is how many sites only wait (a retry or a pause) while
	// nothing moves: the honest reason there is no ETA.
	Waiting int
	// SiteLimited says the per-site limit is what holds the run back:
	// workers are free but the only work left is on sites at their limit.
	SiteLimited bool
	// PerSite is the per-site limit in force.
	PerSite int
	// NotListed is how many saved jobs are missing from manifest.csv.
	NotListed int
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
	return e.fullSnapshot(now)
}

func (e *Engine) fullSnapshot(now time.Time) Snapshot {
	s := e.head0(now)
	s.Full = true
	s.Jobs = make([]JobStatus, len(e.all))
	attempts := e.cfg.Retries + 1
	for i, j := range e.all {
		s.Jobs[i] = j.snapshot(now, attempts)
	}
	return s
}

func (e *Engine) head0(now time.Time) Snapshot {
	s := Snapshot{Version: e.version, Phase: e.phase, Totals: e.totals(now), Problem: e.problem, List: e.list}
	if e.session != nil {
		if err := e.session.journal.Err(); err != nil {
			s.ListProblem = err.Error()
		}
	}
	return s
}

// Changes returns the jobs changed after version since, every job still
// moving bytes, the jobs removed, and the totals. Its cost follows the
// number of changes, not the length of the list; a caller that is far
// behind (or asks from 0) gets the full list, as Snapshot would.
func (e *Engine) Changes(since uint64) Snapshot {
	now := time.Now()
	e.mu.Lock()
	defer e.mu.Unlock()
	removed, ok := e.removed.since(since)
	if since == 0 || !ok {
		return e.fullSnapshot(now)
	}
	s := e.head0(now)
	s.Removed = removed
	attempts := e.cfg.Retries + 1
	for j := e.tail; j != nil && j.version > since; j = j.prev {
		s.Jobs = append(s.Jobs, j.snapshot(now, attempts))
	}
	for j := range e.active {
		if j.version <= since {
			s.Jobs = append(s.Jobs, j.snapshot(now, attempts))
		}
	}
	slices.SortFunc(s.Jobs, func(a, b JobStatus) int { return a.ID - b.ID })
	return s
}

// totals sums up the list. Callers hold e.mu.
func (e *Engine) totals(now time.Time) Totals {
	t := Totals{Jobs: len(e.byID), Counts: e.counts, Bytes: e.bytes.Load(), ETA: -1, PerSite: e.cfg.PerHost, NotListed: e.notListed}
	if e.run == nil {
		return t
	}
	end := now
	if !e.phase.Busy() {
		end = e.run.ended
	}
	t.Elapsed = end.Sub(e.run.started)
	if !e.phase.Busy() {
		return t
	}
	e.bytesRate.observe(now, t.Bytes)
	t.Speed = e.bytesRate.rate()
	e.runHealth(&t, now)
	if t.Waiting > 0 {
		return t // nothing moves: any estimate would be a guess
	}
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
	return t
}

// runHealth says whether the run only waits, and whether the per-site
// limit holds it back. Callers hold e.mu.
func (e *Engine) runHealth(t *Totals, now time.Time) {
	sched := e.run.sched
	if len(e.active) == 0 && t.Counts[Queued] == 0 && t.Counts[Retrying] > 0 {
		// The retries wait in the scheduler's timers: counting sites there
		// costs what waits, not the whole list, at every snapshot.
		sites := map[*site]bool{}
		for _, tm := range sched.timers {
			if tk := tm.task; tk != nil && tk.job != nil && tk.job.task == tk && tk.job.state == Retrying {
				sites[tk.site] = true
			}
		}
		t.Waiting = len(sites)
	}
	busy := 0
	waiting := false
	for _, st := range sched.sites {
		busy += st.active
		if st.pages.len() > 0 && now.After(st.pausedUntil) {
			if st.active < sched.perSite {
				return // a site with room and work: not limited by the limit
			}
			waiting = true
		}
	}
	t.SiteLimited = waiting && busy < e.run.cfg.DownloadWorkers
}
