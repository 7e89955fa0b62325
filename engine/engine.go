// Package engine downloads lists of web addresses and keeps them on disk.
// Download workers take requests from a scheduler that only hands out work
// that can start now (per-site queues served in turn, retries waiting in a
// timer heap, resources of pages already started first); save workers
// assemble and write pages. Stop or Drain end a run. It knows nothing of
// any user interface; callers poll Snapshot or Changes for value copies.
package engine

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"pagekeeper/engine/address"
	"pagekeeper/engine/failure"
	"pagekeeper/engine/journal"
	"pagekeeper/engine/store"
)

// Errors a caller may want to tell apart.
var (
	ErrDraining = errors.New("Pagekeeper is finishing the current list and takes no new addresses until it is done.")
	ErrStopping = errors.New("Pagekeeper is stopping; add the addresses again once it has stopped.")
	ErrBusy     = errors.New("A run is already under way.")
)

// Engine runs the download and save pools over a list of jobs that
// survives from run to run.
type Engine struct {
	mu      sync.Mutex
	cfg     Config
	nextID  int
	byURL   map[string]*job
	byID    map[int]*job
	all     []*job // every job in ID order
	head    *job   // change list: every job, least recently changed first
	tail    *job
	version uint64
	removed removalLog
	active  map[*job]struct{}
	counts  [NumStates]int
	phase   Phase
	problem string // why the last run could not start, in words
	done    chan struct{}

	savedFinal map[string]int // final address → the job keeping it

	session   *session  // the folder's list on disk; nil after Close
	run       *runState // the current or last run
	bytes     atomic.Int64
	bytesRate rateMeter

	notListed int    // saved jobs whose manifest row is not written yet
	list      uint64 // counts the lists shown: another folder's list is a new one

	// badTransitions counts state changes the table refused: bugs, which
	// the tests check never happen.
	badTransitions int
}

// New checks cfg and returns an idle engine. The output folder is created
// and tested for writing here, so a bad folder is refused before any work;
// that touches the disk, so a window calls New off its own goroutine.
func New(cfg Config) (*Engine, error) {
	cfg = cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := store.Check(cfg.OutputDir); err != nil {
		return nil, err
	}
	var s *session
	var recs []journal.Record
	if !cfg.memoryOnly {
		var err error
		if s, recs, err = openSession(cfg.OutputDir); err != nil {
			return nil, err
		}
	}
	done := make(chan struct{})
	close(done)
	e := &Engine{
		cfg:        cfg,
		byURL:      map[string]*job{},
		byID:       map[int]*job{},
		savedFinal: map[string]int{},
		active:     map[*job]struct{}{},
		done:       done,
		session:    s,
	}
	jobs := rebuild(cfg.OutputDir, recs)
	e.install(jobs)
	if s != nil {
		if err := s.settle(corrections(jobs)); err != nil {
			close(s.checked) // never started
			s.close()
			return nil, err
		}
		go e.checkFiles(s, s.stop)
	}
	return e, nil
}

// Config returns the settings in force, with defaults filled in.
func (e *Engine) Config() Config {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.cfg
}

// Reconfigure changes the settings for the next run. It is refused while a
// run is under way. A new folder is checked first, off the lock.
func (e *Engine) Reconfigure(cfg Config) error {
	cfg = cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return err
	}
	e.mu.Lock()
	busy, sameDir := e.phase.Busy(), cfg.OutputDir == e.cfg.OutputDir
	e.mu.Unlock()
	if busy {
		return ErrBusy
	}
	if sameDir {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.phase.Busy() {
			return ErrBusy
		}
		e.cfg = cfg
		return nil
	}
	// Another folder: its own list replaces this one.
	if err := store.Check(cfg.OutputDir); err != nil {
		return err
	}
	s, recs, err := openSession(cfg.OutputDir)
	if err != nil {
		return err
	}
	jobs := rebuild(cfg.OutputDir, recs)
	if err := s.settle(corrections(jobs)); err != nil {
		close(s.checked)
		s.close()
		return err
	}
	e.mu.Lock()
	if e.phase.Busy() {
		e.mu.Unlock()
		close(s.checked) // never started
		s.close()
		return ErrBusy
	}
	old := e.session
	e.cfg = cfg
	e.switchList(s, jobs)
	e.mu.Unlock()
	go e.checkFiles(s, s.stop)
	if old != nil {
		if err := old.close(); err != nil {
			// The other folder's last changes may not be in its list:
			// say so rather than lose them without a word.
			e.mu.Lock()
			e.problem = "The list of the folder used before could not be written in full: " + err.Error()
			e.version++
			e.mu.Unlock()
		}
	}
	return nil
}

// switchList drops the list shown and shows s's instead; every caller of
// Changes then gets the whole new list. Callers hold e.mu.
func (e *Engine) switchList(s *session, jobs []*job) {
	for _, j := range e.all {
		j.removed = true
		e.unlink(j)
	}
	e.all = nil
	e.byURL = map[string]*job{}
	e.byID = map[int]*job{}
	e.savedFinal = map[string]int{}
	e.active = map[*job]struct{}{}
	e.counts = [NumStates]int{}
	e.nextID = 0
	e.notListed = 0
	e.bytes.Store(0)
	e.run = nil
	e.phase = Idle
	e.problem = ""
	e.session = s
	e.list++
	e.version++
	e.removed.forgetUpTo(e.version)
	e.install(jobs)
}

// AddResult says what Add did with each line.
type AddResult struct {
	Accepted []Added
	Rejected []address.Rejection
}

// Added is an address Add queued: the job ID it got and its line.
type Added struct {
	ID   int
	Line int
}

// Add parses text, one address per line, and queues every new address.
// Lines that are not web addresses, and addresses already in the list, come
// back in Rejected with a reason. While draining or stopping nothing is
// added.
func (e *Engine) Add(text string) (AddResult, error) {
	return e.AddEntries(context.Background(), address.Lines(strings.TrimPrefix(text, "\uFEFF")))
}

// addBatch is how many entries are parsed between two takes of the lock:
// a list of a million addresses never holds the lock for long, nor needs
// its whole text in memory.
const addBatch = 2000

// AddEntries adds a list read entry by entry (see package listfile), in
// batches. It stops early when ctx ends, keeping what it added.
func (e *Engine) AddEntries(ctx context.Context, entries iter.Seq2[int, string]) (AddResult, error) {
	p := address.NewParser(0)
	var res AddResult
	var batch address.Parsed
	flush := func() error {
		err := e.addParsed(batch, &res)
		batch.Accepted, batch.Rejected = batch.Accepted[:0], batch.Rejected[:0]
		e.keepUp()
		return err
	}
	// What was added is on disk before Add returns: a crash a moment
	// later loses none of it.
	defer e.flushList()
	for n, text := range entries {
		p.Entry(n, text, &batch)
		if len(batch.Accepted)+len(batch.Rejected) >= addBatch {
			if err := flush(); err != nil {
				return res, err
			}
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
	}
	return res, flush()
}

// maxPendingRecords bounds the journal's unwritten changes while a large
// list is added: the list is written as fast as it is added, instead of
// piling up in memory.
const maxPendingRecords = 20000

// keepUp waits for the journal when a large list has got ahead of it.
func (e *Engine) keepUp() {
	e.mu.Lock()
	s := e.session
	e.mu.Unlock()
	if s != nil && s.journal.Pending() > maxPendingRecords {
		s.journal.Flush()
	}
}

// addParsed queues a batch of parsed addresses, appending to res.
func (e *Engine) addParsed(parsed address.Parsed, res *AddResult) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.refuseChanges(); err != nil {
		return err
	}
	now := time.Now()
	res.Rejected = append(res.Rejected, parsed.Rejected...)
	added := 0
	for _, a := range parsed.Accepted {
		if old, ok := e.byURL[a.URL]; ok {
			res.Rejected = append(res.Rejected, address.Rejection{
				Line: a.Line, Text: address.Display(a.URL), Duplicate: true, InList: old.id,
				Reason: "Already in the list as #" + strconv.Itoa(old.id),
			})
			continue
		}
		e.nextID++
		j := newJob(e.nextID, a.URL, now)
		e.byURL[a.URL] = j
		e.byID[j.id] = j
		e.all = append(e.all, j)
		e.counts[Queued]++
		if when, ok := e.alreadyKept(j.shown()); ok {
			if e.cfg.NewCopy {
				j.newCopy = true
			} else {
				// Kept before, by this or an earlier list: no second copy
				// unless the person asks for one.
				d := j.more()
				d.failure = failure.Failure{Kind: failure.AlreadySaved}
				d.savedAt = when
				e.setState(j, Skipped)
				res.Accepted = append(res.Accepted, Added{ID: j.id, Line: a.Line})
				continue
			}
		}
		e.keepRecord(j)
		e.touch(j)
		if e.run != nil && e.phase.Busy() {
			e.run.sched.addPage(j, now)
		}
		res.Accepted = append(res.Accepted, Added{ID: j.id, Line: a.Line})
		added++
	}
	if added > 0 && e.run != nil {
		e.run.wake()
	}
	return nil
}

// refuseChanges says why the list takes nothing new now. Callers hold e.mu.
func (e *Engine) refuseChanges() error {
	switch e.phase {
	case Draining:
		return ErrDraining
	case Stopping:
		return ErrStopping
	}
	return nil
}

// siteKey is the scheduler's name for the site of an address: its host
// and port, in lower case.
func siteKey(u string) string { return strings.ToLower(hostPort(u)) }

// hostPort is the host and port of an address, without any login.
func hostPort(u string) string {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest = rest[i+1:]
	}
	return rest
}

// Retry queues failed, canceled and skipped jobs again, and saved jobs
// whose file is missing; other IDs are ignored. It returns how many were
// queued.
func (e *Engine) Retry(ids ...int) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.refuseChanges(); err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		j := e.byID[id]
		if j == nil || !(j.state == Failed || j.state == Canceled || j.state == Skipped) {
			continue
		}
		e.requeue(j)
		n++
	}
	if n > 0 && e.run != nil {
		e.run.wake()
	}
	return n, nil
}

// Remove forgets jobs that are not in flight (queued, waiting to retry or
// ended). Saved files stay on disk. It returns the IDs it removed.
func (e *Engine) Remove(ids ...int) []int {
	e.mu.Lock()
	defer e.mu.Unlock()
	var gone []int
	for _, id := range ids {
		j := e.byID[id]
		if j == nil || j.state == Downloading || j.state == WaitingToSave || j.state == Saving {
			continue
		}
		e.forget(j)
		gone = append(gone, id)
	}
	if e.session != nil && len(gone) > 0 {
		e.session.journal.Remove(gone...)
	}
	e.compact()
	if e.run != nil {
		e.run.maybeFinish(e)
	}
	return gone
}

// ClearFinished forgets saved and skipped jobs, so the list holds what is
// still to do (failed jobs are work left), and returns the IDs it forgot.
func (e *Engine) ClearFinished() []int {
	e.mu.Lock()
	defer e.mu.Unlock()
	var gone []int
	for _, j := range e.all {
		if j.state == Saved || j.state == Skipped {
			e.forget(j)
			gone = append(gone, j.id)
		}
	}
	if e.session != nil && len(gone) > 0 {
		e.session.journal.Remove(gone...)
	}
	e.compact()
	return gone
}

// forget takes j out of the list; compact then drops it from e.all.
// Callers hold e.mu.
func (e *Engine) forget(j *job) {
	e.bytes.Add(-j.done.Swap(0)) // totals describe the list as it is now
	e.unlink(j)
	delete(e.byID, j.id)
	delete(e.byURL, j.url)
	delete(e.active, j)
	if j.jobDetail != nil && e.savedFinal[j.finalURL] == j.id {
		delete(e.savedFinal, j.finalURL)
	}
	if j.notListed {
		e.notListed--
	}
	e.counts[j.state]--
	j.removed = true
	e.version++
	e.removed.add(e.version, j.id)
}

// compact drops forgotten jobs from e.all. Callers hold e.mu.
func (e *Engine) compact() {
	kept := e.all[:0]
	for _, j := range e.all {
		if !j.removed {
			kept = append(kept, j)
		}
	}
	clear(e.all[len(kept):])
	e.all = kept
}

// Done is closed when the current run's pools have exited (and is already
// closed before the first run).
func (e *Engine) Done() <-chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.done
}

// Phase returns what the engine is doing now.
func (e *Engine) Phase() Phase {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.phase
}

// Stop cancels the run at once: transfers abort, temporary files are
// removed and unfinished jobs end as Canceled, ready for the next Start.
// It returns without waiting; Done closes when everything has exited.
func (e *Engine) Stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stopLocked(e.run)
}

// stopLocked stops run if it is still the current one. Callers hold e.mu.
func (e *Engine) stopLocked(run *runState) {
	if run == nil || run != e.run {
		return
	}
	if e.phase == Running || e.phase == Draining {
		e.phase = Stopping
		e.version++
		run.cancel()
	}
}

// Drain lets the run finish everything queued and in flight, refusing new
// addresses meanwhile, then end as Finished.
func (e *Engine) Drain() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.phase == Running {
		e.phase = Draining
		e.version++
		e.run.maybeFinish(e)
		e.run.wake()
	}
}

// requeue puts a job back in the queue from any final state. Callers hold
// e.mu.
func (e *Engine) requeue(j *job) {
	j.forgetDetail()
	j.sitePaused = false
	if j.notListed {
		j.notListed = false
		e.notListed--
	}
	e.bytes.Add(-j.done.Swap(0))
	e.setState(j, Queued)
	if e.run != nil && e.phase.Busy() {
		e.run.sched.addPage(j, time.Now())
	}
}

// touch marks j changed: it gets the next version and moves to the end of
// the change list, which keeps Changes proportional to what changed.
// Callers hold e.mu.
func (e *Engine) touch(j *job) {
	if j.removed {
		return
	}
	e.version++
	j.version = e.version
	if e.tail == j {
		return
	}
	e.unlink(j)
	j.prev = e.tail
	if e.tail != nil {
		e.tail.next = j
	} else {
		e.head = j
	}
	e.tail = j
}

// unlink takes j out of the change list. Callers hold e.mu.
func (e *Engine) unlink(j *job) {
	if j.prev != nil {
		j.prev.next = j.next
	} else if e.head == j {
		e.head = j.next
	}
	if j.next != nil {
		j.next.prev = j.prev
	} else if e.tail == j {
		e.tail = j.prev
	}
	j.prev, j.next = nil, nil
}
