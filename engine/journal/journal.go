package journal

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"
)

// When the writer commits.
const (
	batchInterval = 100 * time.Millisecond // at most this long after a change
	batchSize     = 256                    // or as soon as this many rows changed
	retryInterval = time.Second            // after a failed write
)

// Journal is the list of one output folder, open and locked.
// Its methods are safe for concurrent use.
type Journal struct {
	lock   *folderLock
	st     *store
	notice string

	mu      sync.Mutex
	pending batch // changes not yet handed to the writer
	spare   batch // the writer's last batch, emptied for reuse
	// removed are the IDs removed in this session: a late Put of one of
	// them (a job changing state on its way out) does not bring it back.
	removed map[int]struct{}
	// initial are the rows read at Open, handed to the first Load if
	// nothing changed in between.
	initial []Record
	changed bool
	closed  bool
	err     error // the last write error, until a write succeeds

	wake    chan struct{}   // the batch is no longer empty
	full    chan struct{}   // the batch reached batchSize
	flushes chan chan error // Flush asks, the writer answers
	quit    chan struct{}   // Close
	done    chan struct{}   // the writer has ended

	closeOnce sync.Once
	closeErr  error
}

// Open opens (creating if needed) dir/.pagekeeper/session.db and takes
// the folder's lock. Another Pagekeeper holding it gives an *InUseError at
// once. A damaged list is set aside and a new one started: Notice says so.
func Open(dir string) (*Journal, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, &Error{msg: "Pagekeeper could not find this folder. Choose the folder again.", Cause: err}
	}
	meta, err := ensureMetaDir(abs)
	if err != nil {
		return nil, err
	}
	lock, err := lockFolder(meta)
	if err != nil {
		return nil, err
	}
	st, rows, notice, err := openList(meta)
	if err != nil {
		lock.release()
		return nil, err
	}
	j := &Journal{
		lock:    lock,
		st:      st,
		notice:  notice,
		pending: newBatch(),
		spare:   newBatch(),
		initial: rows,
		wake:    make(chan struct{}, 1),
		full:    make(chan struct{}, 1),
		flushes: make(chan chan error),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go j.run()
	return j, nil
}

// openList opens session.db and reads it, setting a damaged file aside
// once and starting a new list in its place.
func openList(meta string) (*store, []Record, string, error) {
	if err := checkDBFiles(meta); err != nil {
		return nil, nil, "", err
	}
	path := filepath.Join(meta, dbName)
	wal := !networkShare(meta)
	st, rows, err := openAndRead(path, wal)
	if err == nil {
		return st, rows, "", nil
	}
	if !isDamaged(err) {
		return nil, nil, "", openError(err)
	}
	aside, err := setAside(meta, time.Now())
	if err != nil {
		return nil, nil, "", &Error{msg: "The list in this folder is damaged, and Pagekeeper could not set it aside to start a new one. Check that you may write in the folder, then try again.", Cause: err}
	}
	st, rows, err = openAndRead(path, wal)
	if err != nil {
		return nil, nil, "", openError(err)
	}
	notice := fmt.Sprintf("The list in this folder was damaged; it was set aside as %s and a new list started. Saved pages are not affected.", displayName(aside))
	return st, rows, notice, nil
}

func openAndRead(path string, wal bool) (*store, []Record, error) {
	st, err := openStore(path, wal)
	if err != nil {
		return nil, nil, err
	}
	rows, err := st.readAll()
	if err != nil {
		st.close()
		return nil, nil, err
	}
	return st, rows, nil
}

func isDamaged(err error) bool { return damaged(err) || errors.Is(err, errNotOurs) }

func openError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{msg: diskWords(err, "Pagekeeper could not open the list in this folder ("+displayName(dbName)+"). Check the disk, then try again."), Cause: err}
}

// Notice is what the person should read about opening the list (a damaged
// list set aside), or "".
func (j *Journal) Notice() string { return j.notice }

// Load is every row of the list, in ID order, including every change Put
// before the call.
func (j *Journal) Load() ([]Record, error) {
	j.mu.Lock()
	rows, fresh := j.initial, !j.changed && j.initial != nil
	j.initial = nil
	j.mu.Unlock()
	if fresh {
		return rows, nil
	}
	if err := j.Flush(); err != nil {
		return nil, err
	}
	rows, err := j.st.readAll()
	if err != nil {
		return nil, &Error{msg: "Pagekeeper could not read the list in this folder. Check the disk, then try again.", Cause: err}
	}
	return rows, nil
}

// Put records r as the row r.ID. It never waits for the disk: the change
// is written with the next batch, replacing any earlier change of the same
// ID not written yet. r is kept as it is, Files included: change a Files
// slice after Put only by replacing it. Puts after Close are dropped, as
// are Puts of an ID removed in this session.
func (j *Journal) Put(r Record) {
	j.mu.Lock()
	if _, gone := j.removed[r.ID]; gone || j.closed {
		j.mu.Unlock()
		return
	}
	before := len(j.pending.ops)
	j.pending.set(op{rec: r, id: r.ID})
	after := len(j.pending.ops)
	j.changed = true
	j.mu.Unlock()
	j.signal(before, after)
}

// Remove deletes rows the person removed; they stay removed, and later
// Puts of their IDs in this session are dropped.
func (j *Journal) Remove(ids ...int) {
	j.mu.Lock()
	if j.closed {
		j.mu.Unlock()
		return
	}
	if j.removed == nil {
		j.removed = make(map[int]struct{}, len(ids))
	}
	before := len(j.pending.ops)
	for _, id := range ids {
		j.removed[id] = struct{}{}
		j.pending.set(op{id: id, remove: true})
	}
	after := len(j.pending.ops)
	j.changed = true
	j.mu.Unlock()
	j.signal(before, after)
}

// signal wakes the writer when the batch stops being empty or becomes
// full. Only the change that fills it does: a batch already full is the
// writer's to retry (on its clock while the disk refuses it).
func (j *Journal) signal(before, after int) {
	ch := j.wake
	switch {
	case after >= batchSize && before < batchSize:
		ch = j.full
	case after >= batchSize:
		return
	case before > 0 || after == 0:
		return
	}
	select {
	case ch <- struct{}{}:
	default:
	}
}

// Clear empties the list (a fresh start) and waits until that is written.
func (j *Journal) Clear() error {
	if err := j.ClearLater(); err != nil {
		return err
	}
	return j.Flush()
}

// ClearLater empties the list like Clear but does not wait for the disk:
// a caller that must not wait under its own lock flushes afterwards.
func (j *Journal) ClearLater() error {
	j.mu.Lock()
	if j.closed {
		j.mu.Unlock()
		return errClosed
	}
	j.pending.reset()
	j.pending.clear = true
	j.removed = nil
	j.initial = nil
	j.changed = true
	j.mu.Unlock()
	return nil
}

// Pending is how many changes wait to be written: a caller adding a huge
// list flushes when it grows, so the changes waiting never hold much
// memory.
func (j *Journal) Pending() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return len(j.pending.ops)
}

// Flush writes every change made before the call and waits for it.
func (j *Journal) Flush() error {
	reply := make(chan error, 1)
	select {
	case j.flushes <- reply:
		return <-reply
	case <-j.done:
		return errClosed
	}
}

// Err is the last write error while writes are failing (the changes are
// kept and tried again), or nil once a write succeeded.
func (j *Journal) Err() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err
}

// Close writes what is buffered, closes the database and releases the
// folder. It returns the error of that last write, if any. Closing twice
// is harmless.
func (j *Journal) Close() error {
	j.closeOnce.Do(func() {
		j.mu.Lock()
		j.closed = true
		j.mu.Unlock()
		close(j.quit)
		<-j.done
		j.mu.Lock()
		werr := j.err
		j.mu.Unlock()
		var errs []error
		if werr != nil {
			errs = append(errs, werr)
		}
		if err := j.st.close(); err != nil {
			errs = append(errs, writeError(err))
		}
		if err := j.lock.release(); err != nil {
			errs = append(errs, &Error{msg: "Pagekeeper could not release this folder. Quit Pagekeeper before using the folder again.", Cause: err})
		}
		if len(errs) > 0 {
			j.closeErr = errs[0]
		}
	})
	return j.closeErr
}
