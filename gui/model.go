package gui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"pagekeeper/engine"
)

// model is what the window knows of the engine: the last snapshot applied.
// The table reads only this, never the engine, so it never shares state
// with the workers.
type model struct {
	rows    []engine.JobStatus // in ID order
	index   map[int]int        // job ID → position in rows
	maxID   int                // highest ID ever shown; IDs only grow
	totals  engine.Totals
	phase   engine.Phase
	applied uint64 // version of the last snapshot applied

	// This run's outcome, for the notification at its end. Counted from
	// state changes, so rows from earlier runs and rows cleared meanwhile
	// do not distort it.
	runSaved  int
	runFailed map[int]bool
	// snapTime is when the last snapshot was taken: messages that count
	// down (a retry's wait) are worded for that moment.
	snapTime time.Time

	// savedIn is the folder of rows saved before the folder was changed;
	// rows not in it were saved in the current folder.
	savedIn map[int]string
}

func (m *model) init() {
	m.index = map[int]int{}
	m.runFailed = map[int]bool{}
	m.savedIn = map[int]string{}
	m.totals.ETA = -1
}

// merge folds changed jobs into rows: known IDs in place, new IDs (always
// higher than any seen) appended, IDs cleared by us ignored. Its cost follows
// len(jobs), not len(rows). It reports whether the job with ID watch was
// among them.
func (m *model) merge(jobs []engine.JobStatus, watch int) (watched bool) {
	for _, js := range jobs {
		old := engine.State(-1)
		if i, ok := m.index[js.ID]; ok {
			old = m.rows[i].State
			m.rows[i] = js
		} else if js.ID > m.maxID {
			m.index[js.ID] = len(m.rows)
			m.rows = append(m.rows, js)
			m.maxID = js.ID
		} else {
			continue // cleared by Clear finished; an older snapshot still had it
		}
		if js.State != old {
			m.countTransition(js.ID, old, js.State)
		}
		if js.ID == watch {
			watched = true
		}
	}
	return watched
}

func (m *model) countTransition(id int, from, to engine.State) {
	switch {
	case to == engine.Saved:
		m.runSaved++
	case to == engine.Failed:
		m.runFailed[id] = true
	}
	if from == engine.Failed && to != engine.Failed {
		delete(m.runFailed, id)
	}
}

// resetRun forgets the last run's outcome as a new one starts.
func (m *model) resetRun() {
	m.runSaved = 0
	clear(m.runFailed)
}

// remove drops the rows with the given IDs and rebuilds the index; it is
// O(rows) but runs only when the person clears the list.
func (m *model) remove(ids []int) {
	if len(ids) == 0 {
		return
	}
	gone := make(map[int]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
	}
	kept := m.rows[:0]
	for _, r := range m.rows {
		if !gone[r.ID] {
			kept = append(kept, r)
		}
	}
	clear(m.rows[len(kept):]) // let the dropped strings go
	m.rows = kept
	clear(m.index)
	for i, r := range m.rows {
		m.index[r.ID] = i
	}
}

// keepOnly drops every row whose job is not in jobs (a full snapshot).
func (m *model) keepOnly(jobs []engine.JobStatus) {
	present := make(map[int]bool, len(jobs))
	for _, j := range jobs {
		present[j.ID] = true
	}
	var gone []int
	for _, r := range m.rows {
		if !present[r.ID] {
			gone = append(gone, r.ID)
		}
	}
	m.remove(gone)
}

// rememberFolder notes that every row saved so far lives in dir, before
// the folder changes. O(rows), on a rare action.
func (m *model) rememberFolder(dir string) {
	for _, r := range m.rows {
		if r.State == engine.Saved {
			if _, ok := m.savedIn[r.ID]; !ok {
				m.savedIn[r.ID] = dir
			}
		}
	}
}

// row returns the row of job id.
func (m *model) row(id int) (engine.JobStatus, bool) {
	i, ok := m.index[id]
	if !ok {
		return engine.JobStatus{}, false
	}
	return m.rows[i], true
}

// refreshNow applies what changed since the last snapshot at once, so a
// person's action (Add, Start, Stop…) shows without waiting for the pump.
// It runs on the UI goroutine, like apply.
func (w *Window) refreshNow() {
	if w.eng != nil {
		w.apply(w.eng.Changes(w.applied))
	} else {
		w.updateStatus()
		w.updateFooter()
		w.updateButtons()
	}
}

// apply shows snapshot s: the rows that changed, then the status, footer
// and buttons. It is the only way progress reaches the widgets, and it runs
// on the UI goroutine.
func (w *Window) apply(s engine.Snapshot) {
	if w.hasQuit || s.Version < w.applied {
		// Older than what refreshNow already showed: every row in it is
		// stale.
		return
	}
	w.applied = s.Version
	w.snapTime = time.Now()
	prev := w.phase
	if s.Full {
		w.keepOnly(s.Jobs)
	}
	w.remove(s.Removed)
	watched := w.merge(s.Jobs, w.details.id)
	w.totals, w.phase = s.Totals, s.Phase
	if len(s.Jobs) > 0 || len(s.Removed) > 0 || s.Full {
		w.table.refresh()
	}
	if watched {
		w.details.update()
	}
	w.updateStatus()
	w.updateFooter()
	w.updateButtons()
	w.afterApply(prev)
}

// afterApply acts on what the snapshot means for the run as a whole.
func (w *Window) afterApply(prev engine.Phase) {
	if w.phase == engine.Finished && prev != engine.Finished && prev.Busy() {
		w.app.SendNotification(fyne.NewNotification("Pagekeeper", w.runSummary()))
	}
	if w.quitWhenIdle && !w.phase.Busy() {
		w.quit()
	}
}

// runSummary is the notification text: "40 pages saved, 3 failed".
func (w *Window) runSummary() string {
	s := plural(w.runSaved, "page", "pages") + " saved"
	if n := len(w.runFailed); n > 0 {
		s += fmt.Sprintf(", %s failed", count(n))
	}
	return s
}
