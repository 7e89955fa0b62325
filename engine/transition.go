package engine

import "time"

// allowed is every state change a job may make. setState refuses any
// other: a refused change is a bug in the engine, counted for the tests.
var allowed = [NumStates][NumStates]bool{
	Queued:        {Downloading: true, Canceled: true, Skipped: true},
	Downloading:   {Retrying: true, WaitingToSave: true, Failed: true, Canceled: true},
	Retrying:      {Downloading: true, Failed: true, Canceled: true},
	WaitingToSave: {Saving: true, Canceled: true},
	// A complete page goes back to Downloading for its resources.
	Saving:   {Saved: true, Failed: true, Skipped: true, Canceled: true, Downloading: true, WaitingToSave: true},
	Saved:    {Queued: true, Failed: true}, // Failed: its file is gone
	Failed:   {Queued: true},
	Canceled: {Queued: true},
	Skipped:  {Queued: true},
}

// setState moves j to s. It is the one place a job changes state: the
// counts, the active set, the change list and the session journal all
// follow from here. Callers hold e.mu.
func (e *Engine) setState(j *job, s State) bool {
	if j.state != s {
		if !allowed[j.state][s] {
			e.badTransitions++
			return false
		}
		e.counts[j.state]--
		e.counts[s]++
		if j.state.active() && !s.active() {
			delete(e.active, j)
			j.more().meter = nil
		}
		if s.active() && !j.state.active() {
			e.active[j] = struct{}{}
			j.more().meter = &rateMeter{}
		}
		wasOpen := j.state.open()
		j.state = s
		j.changed = time.Now().UnixNano()
		if wasOpen && !s.open() && e.run != nil {
			// The scheduler holds new pages back while too many are open:
			// one closing may let a waiting worker start the next.
			e.run.wake()
		}
		if s.Final() {
			e.jobEnded(j)
		}
		e.keepRecord(j)
	}
	e.touch(j)
	return true
}

// jobEnded runs when a job reaches a final state: a draining run whose
// last job ended is finished. Callers hold e.mu.
func (e *Engine) jobEnded(*job) {
	if e.run != nil {
		e.run.maybeFinish(e)
	}
}
