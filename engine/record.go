package engine

import (
	"time"

	"pagekeeper/engine/store"
)

// rowJob is a finished job's manifest row, taken under the lock and
// written after it: no disk I/O happens while holding the engine's lock.
type rowJob struct {
	row store.Row
}

// rowFor is j's manifest row. Callers hold e.mu.
func (e *Engine) rowFor(j *job) *rowJob {
	s := j.snapshot(time.Now(), 0)
	d := j.more()
	r := store.Row{
		ID: j.id, Address: j.shown(), FinalAddress: d.finalURL, Status: d.status,
		State: j.state.String(), File: d.savedPath, Bytes: d.savedSize, SHA256: d.sha256,
		Time: time.Now(), Missing: len(d.missing),
	}
	if j.state != Saved {
		r.Failure = s.Message(time.Now())
	}
	return &rowJob{row: r}
}

// addRow writes a manifest row. A row that cannot be written marks its
// job "not listed"; rows written later, earlier failures included, clear
// the mark. The page itself is kept either way.
func (e *Engine) addRow(run *runState, r *rowJob) {
	if r == nil || run.folder == nil {
		return
	}
	listed, err := run.folder.Manifest().Add(r.row)
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, id := range listed {
		if j := e.byID[id]; j != nil && j.notListed {
			j.notListed = false
			e.notListed--
			e.touch(j)
		}
	}
	if err != nil {
		if j := e.byID[r.row.ID]; j != nil && !j.notListed {
			j.notListed = true
			e.notListed++
			e.touch(j)
		}
	}
}
