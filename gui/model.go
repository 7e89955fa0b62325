package gui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"pagekeeper/engine"
	"pagekeeper/engine/address"
)

// model is what the window knows of the engine: the last snapshot applied.
// The table reads only this, never the engine, so it never shares state
// with the workers.
type model struct {
	// rows are in ID order. Each points into the snapshot that brought
	// it, which the window owns: a list of 700,000 rows then grows by
	// pointers, not by copies of every row, and a row's data is copied
	// once, by the engine.
	rows []*engine.JobStatus
	// shown is each row's address as a person reads it (address.Display),
	// and folded its lower-case form for the search box; both parallel
	// rows and are made once per row, since an address never changes.
	shown, folded []string
	// savedFolded is each row's SavedPath in lower case, for the search
	// box and for sorting by "Saved as": made when the path changes, not
	// at every comparison on the window's goroutine.
	savedFolded []string
	index       map[int]int // job ID → position in rows
	maxID       int         // highest ID ever shown; IDs only grow
	totals      engine.Totals
	phase       engine.Phase
	problem     string // why the last run could not start, or what went wrong at its end
	listProblem string // why the list cannot be written now
	applied     uint64 // version of the last snapshot applied

	// What the last merge did, for the table to redraw only that.
	changes []rowChange
	added   bool // rows were appended
	dropped bool // rows were removed

	// This run's outcome, for the notification at its end. Counted from
	// state changes, so rows from earlier runs and rows cleared meanwhile
	// do not distort it.
	runSaved  int
	runFailed map[int]bool
	// snapTime is when the last snapshot was taken: messages that count
	// down (a retry's wait) are worded for that moment.
	snapTime time.Time

	// list names the list the rows belong to (Snapshot.List): another
	// folder's list replaces every row.
	list uint64
}

// rowChange is one row the last merge changed, with what it was before.
type rowChange struct {
	id  int
	old engine.JobStatus
}

func (m *model) init() {
	m.index = map[int]int{}
	m.runFailed = map[int]bool{}
	m.totals.ETA = -1
}

// merge folds changed jobs into rows: known IDs in place, new IDs (always
// higher than any seen) appended, IDs removed by us ignored. Its cost
// follows len(jobs), not len(rows). It records what changed in m.changes.
func (m *model) merge(jobs []engine.JobStatus) {
	// Room for the new rows at once: a list added from a file comes in
	// batches of tens of thousands.
	if n := newRows(jobs, m.maxID); n > 0 {
		m.rows = slices.Grow(m.rows, n)
		m.shown = slices.Grow(m.shown, n)
		m.folded = slices.Grow(m.folded, n)
		m.savedFolded = slices.Grow(m.savedFolded, n)
	}
	for k := range jobs {
		js := &jobs[k]
		if i, ok := m.index[js.ID]; ok {
			old := m.rows[i]
			if old.Version == js.Version && old.Done == js.Done && old.Speed == js.Speed && old.URL == js.URL {
				continue // a moving job with nothing new to show
			}
			m.rows[i] = js
			if old.URL != js.URL {
				m.shown[i] = address.Display(js.URL)
				m.folded[i] = strings.ToLower(m.shown[i])
			}
			if old.SavedPath != js.SavedPath {
				m.savedFolded[i] = strings.ToLower(js.SavedPath)
			}
			m.changes = append(m.changes, rowChange{id: js.ID, old: *old})
			if js.State != old.State {
				m.countTransition(js.ID, old.State, js.State)
			}
			continue
		}
		if js.ID <= m.maxID {
			continue // removed; an older snapshot still had it
		}
		m.index[js.ID] = len(m.rows)
		m.rows = append(m.rows, js)
		shown := address.Display(js.URL)
		m.shown = append(m.shown, shown)
		m.folded = append(m.folded, strings.ToLower(shown))
		m.savedFolded = append(m.savedFolded, strings.ToLower(js.SavedPath))
		m.maxID = js.ID
		m.added = true
		m.countTransition(js.ID, -1, js.State)
	}
}

// newRows is how many of jobs (in ID order) come after maxID.
func newRows(jobs []engine.JobStatus, maxID int) int {
	i, _ := slices.BinarySearchFunc(jobs, maxID+1, func(j engine.JobStatus, id int) int { return j.ID - id })
	return len(jobs) - i
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
// O(rows) but runs only when rows are removed.
func (m *model) remove(ids []int) {
	gone := make(map[int]bool, len(ids))
	for _, id := range ids {
		if _, ok := m.index[id]; ok {
			gone[id] = true
		}
	}
	if len(gone) == 0 {
		return
	}
	kept := 0
	for i, r := range m.rows {
		if gone[r.ID] {
			continue
		}
		m.rows[kept], m.shown[kept], m.folded[kept], m.savedFolded[kept] = r, m.shown[i], m.folded[i], m.savedFolded[i]
		kept++
	}
	// Let the dropped strings go.
	clear(m.rows[kept:])
	clear(m.shown[kept:])
	clear(m.folded[kept:])
	clear(m.savedFolded[kept:])
	m.rows, m.shown, m.folded, m.savedFolded = m.rows[:kept], m.shown[:kept], m.folded[:kept], m.savedFolded[:kept]
	clear(m.index)
	for i, r := range m.rows {
		m.index[r.ID] = i
	}
	m.dropped = true
}

// keepOnly drops every row whose job is not in jobs (a full snapshot of
// the same list).
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

// reset forgets every row before another folder's list fills the table:
// its IDs start again at 1, so nothing of the old rows may be kept.
func (m *model) reset() {
	clear(m.rows)
	clear(m.shown)
	clear(m.folded)
	clear(m.savedFolded)
	m.rows, m.shown, m.folded, m.savedFolded = m.rows[:0], m.shown[:0], m.folded[:0], m.savedFolded[:0]
	clear(m.index)
	m.maxID = 0
	m.dropped = true
}

// row returns the row of job id.
func (m *model) row(id int) (engine.JobStatus, bool) {
	i, ok := m.index[id]
	if !ok {
		return engine.JobStatus{}, false
	}
	return *m.rows[i], true
}

// shownAddress is the address of job id as a person reads it.
func (m *model) shownAddress(id int) string {
	if i, ok := m.index[id]; ok {
		return m.shown[i]
	}
	return ""
}

// runSummary is the notification text: "40 pages saved, 3 failed".
func (m *model) runSummary() string {
	s := plural(m.runSaved, "page", "pages") + " saved"
	if n := len(m.runFailed); n > 0 {
		s += fmt.Sprintf(", %s failed", count(n))
	}
	return s
}
