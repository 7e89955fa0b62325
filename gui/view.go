package gui

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"pagekeeper/engine"
)

// filter is which rows the table shows, by state.
type filter int

const (
	filterAll filter = iota
	filterActive
	filterSaved
	filterFailed
	filterCanceled
	numFilters
)

var filterNames = [numFilters]string{"All", "Active", "Saved", "Failed", "Canceled"}

// holds reports whether a row in state s belongs under f.
func (f filter) holds(s engine.State) bool {
	switch f {
	case filterActive:
		return !s.Final()
	case filterSaved:
		return s == engine.Saved
	case filterFailed:
		return s == engine.Failed
	case filterCanceled:
		return s == engine.Canceled
	}
	return true
}

// count is how many rows of the list belong under f, from the engine's
// totals: free, and always the whole list's.
func (f filter) count(t engine.Totals) int {
	c := t.Counts
	switch f {
	case filterActive:
		return c[engine.Queued] + c[engine.Downloading] + c[engine.Retrying] + c[engine.WaitingToSave] + c[engine.Saving]
	case filterSaved:
		return c[engine.Saved]
	case filterFailed:
		return c[engine.Failed]
	case filterCanceled:
		return c[engine.Canceled]
	}
	return t.Jobs
}

// view is the rows the table shows and their order: the rows under the
// filter that match the search, sorted by one column. It holds positions
// in the model's rows.
type view struct {
	filter filter
	search string // lower case; "" matches everything
	sortBy int    // a column
	desc   bool

	order []int // positions in rows, in the order shown
	at    []int // position in rows → place in order, -1 when not shown
}

// plain reports whether the view is every row in ID order, which new
// rows can join by being appended.
func (v *view) plain() bool {
	return v.filter == filterAll && v.search == "" && v.sortBy == colNumber && !v.desc
}

// shows reports whether row r (at i in m) belongs in the view.
func (v *view) shows(m *model, i int) bool {
	if !v.filter.holds(m.rows[i].State) {
		return false
	}
	if v.search == "" {
		return true
	}
	return strings.Contains(m.folded[i], v.search) || strings.Contains(m.savedFolded[i], v.search)
}

// rebuild makes the view from all of m's rows. O(rows log rows); it runs
// when rows come or go or when a change moves rows, not on every change.
func (v *view) rebuild(m *model) {
	v.order = v.order[:0]
	for i := range m.rows {
		if v.shows(m, i) {
			v.order = append(v.order, i)
		}
	}
	if v.sortBy != colNumber || v.desc {
		less := sortKey(v.sortBy, m)
		slices.SortStableFunc(v.order, func(a, b int) int {
			c := less(a, b)
			if c == 0 {
				c = cmp.Compare(m.rows[a].ID, m.rows[b].ID)
			}
			if v.desc {
				return -c
			}
			return c
		})
	}
	v.index(len(m.rows))
}

// index fills at from order.
func (v *view) index(rows int) {
	v.at = slices.Grow(v.at[:0], rows)[:rows]
	for i := range v.at {
		v.at[i] = -1
	}
	for p, i := range v.order {
		v.at[i] = p
	}
}

// appendNew adds rows appended to m since the view was built, in a plain
// view, without rebuilding it.
func (v *view) appendNew(m *model) {
	for i := len(v.at); i < len(m.rows); i++ {
		v.at = append(v.at, len(v.order))
		v.order = append(v.order, i)
	}
}

// moves reports whether a change from old to row i moves it in or out of
// the view or within it, so the view must be rebuilt.
func (v *view) moves(m *model, i int, old *engine.JobStatus) bool {
	r := m.rows[i]
	if v.filter.holds(old.State) != v.filter.holds(r.State) {
		return true
	}
	if v.search != "" && old.SavedPath != r.SavedPath {
		return true
	}
	switch v.sortBy {
	case colNumber, colAddress:
		return false
	case colState:
		return old.State != r.State
	case colProgress:
		return progressOf(old) != progressOf(r)
	case colSize:
		return sizeOf(old) != sizeOf(r)
	case colSpeed:
		return speedOf(old) != speedOf(r)
	case colSavedAs:
		return old.SavedPath != r.SavedPath
	case colMessage:
		return old.State != r.State || old.Failure.Kind != r.Failure.Kind
	}
	return false
}

// sortKey compares two rows (positions in m) by column col.
func sortKey(col int, m *model) func(a, b int) int {
	rows := m.rows
	switch col {
	case colAddress:
		return func(a, b int) int { return strings.Compare(m.folded[a], m.folded[b]) }
	case colState:
		return func(a, b int) int { return cmp.Compare(rows[a].State, rows[b].State) }
	case colProgress:
		return func(a, b int) int { return cmp.Compare(progressOf(rows[a]), progressOf(rows[b])) }
	case colSize:
		return func(a, b int) int { return cmp.Compare(sizeOf(rows[a]), sizeOf(rows[b])) }
	case colSpeed:
		return func(a, b int) int { return cmp.Compare(speedOf(rows[a]), speedOf(rows[b])) }
	case colSavedAs:
		saved := m.savedFolded
		return func(a, b int) int { return strings.Compare(path.Base(saved[a]), path.Base(saved[b])) }
	case colMessage:
		return func(a, b int) int {
			if c := cmp.Compare(rows[a].State, rows[b].State); c != 0 {
				return c
			}
			return cmp.Compare(rows[a].Failure.Kind, rows[b].Failure.Kind)
		}
	}
	return func(a, b int) int { return cmp.Compare(rows[a].ID, rows[b].ID) }
}

// progressOf is a row's progress in whole percent, -1 when unknown: whole
// percents, so sorting by progress does not reorder rows on every byte.
func progressOf(r *engine.JobStatus) int {
	switch r.State {
	case engine.WaitingToSave, engine.Saving, engine.Saved:
		return 100
	case engine.Downloading, engine.Retrying:
		// A complete page whose resources are coming: the page is in,
		// and the share of its resources arrived is the progress.
		if res := r.Resources; res.Total > 0 && r.State == engine.Downloading {
			return res.Done * 100 / res.Total
		}
		if r.Total > 0 {
			return int(min(100, r.Done*100/r.Total))
		}
	}
	return -1
}

// sizeOf is the bytes a row shows in the Size column.
func sizeOf(r *engine.JobStatus) int64 {
	switch {
	case r.State == engine.Saved && r.SavedSize > 0:
		return r.SavedSize
	case r.Done > 0:
		return r.Done
	case r.State == engine.Saved && r.Total >= 0:
		return r.Total
	}
	return -1
}

// speedOf is the speed a row shows, in kB/s steps so sorting by speed
// does not reorder rows on every byte.
func speedOf(r *engine.JobStatus) int64 {
	if r.State != engine.Downloading {
		return -1
	}
	return int64(r.Speed) / 1000
}
