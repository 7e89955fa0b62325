// Package engine downloads lists of web addresses and keeps them on disk: a
// queue feeds download workers, a bounded channel feeds save workers, and
// Stop or Drain end a run. It knows nothing of any user interface; callers
// poll Snapshot or Changes for value copies of the progress.
package engine

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"

	"pagekeeper/engine/address"
)

// Errors a caller may want to tell apart.
var (
	ErrDraining = errors.New("Pagekeeper is finishing the current list and takes no new addresses until it is done.")
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
	queue   []*job // jobs waiting for a download worker, in order
	active  map[*job]struct{}
	counts  [NumStates]int
	phase   Phase
	cancel  context.CancelFunc
	done    chan struct{}
	wake    chan struct{} // nudges the feeder after Add or Drain

	savedFinal map[string]int // final address → the job keeping it

	run       *runState // the current or last run's files and clocks
	bytes     atomic.Int64
	bytesRate rateMeter
}

// New checks cfg and returns an idle engine. The output folder is created
// and tested for writing here, so a bad folder is refused before any work.
func New(cfg Config) (*Engine, error) {
	cfg = cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := checkOutputDir(cfg.OutputDir); err != nil {
		return nil, err
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
		wake:       make(chan struct{}, 1),
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
// run is under way.
func (e *Engine) Reconfigure(cfg Config) error {
	cfg = cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return err
	}
	e.mu.Lock()
	busy := e.phase.Busy()
	e.mu.Unlock()
	if busy {
		return ErrBusy
	}
	if err := checkOutputDir(cfg.OutputDir); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.phase.Busy() {
		return ErrBusy
	}
	e.cfg = cfg
	return nil
}

// AddResult says what Add did with each line.
type AddResult struct {
	Accepted []Added
	Rejected []address.Rejection
}

// Added is an address Add queued, and the job ID it got.
type Added struct {
	ID   int
	Line int
	URL  string
}

// Add parses text, one address per line, and queues every new address.
// Lines that are not web addresses, and addresses already in the list, come
// back in Rejected with a reason. While draining nothing is added.
func (e *Engine) Add(text string) (AddResult, error) {
	parsed := address.Parse(text)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.phase == Draining {
		return AddResult{}, ErrDraining
	}
	res := AddResult{Rejected: parsed.Rejected, Accepted: make([]Added, 0, len(parsed.Accepted))}
	for _, a := range parsed.Accepted {
		if old, ok := e.byURL[a.URL]; ok {
			res.Rejected = append(res.Rejected, address.Rejection{
				Line: a.Line, Text: a.URL, Duplicate: true,
				Reason: "Already in the list as #" + strconv.Itoa(old.id),
			})
			continue
		}
		e.nextID++
		j := &job{id: e.nextID, url: a.URL, total: -1, state: Queued}
		e.byURL[a.URL] = j
		e.byID[j.id] = j
		e.all = append(e.all, j)
		e.counts[Queued]++
		e.touch(j)
		e.queue = append(e.queue, j)
		res.Accepted = append(res.Accepted, Added{ID: j.id, Line: a.Line, URL: a.URL})
	}
	if len(res.Accepted) > 0 {
		e.nudge()
	}
	return res, nil
}

// Retry queues failed and canceled jobs again; other IDs are ignored.
// It returns how many were queued.
func (e *Engine) Retry(ids ...int) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.phase == Draining {
		return 0, ErrDraining
	}
	n := 0
	for _, id := range ids {
		j := e.byID[id]
		if j == nil || (j.state != Failed && j.state != Canceled) {
			continue
		}
		e.requeue(j)
		n++
	}
	if n > 0 {
		e.nudge()
	}
	return n, nil
}

// ClearFinished forgets saved, failed and skipped jobs, so the list holds
// only what is still to do, and returns the IDs it forgot.
func (e *Engine) ClearFinished() []int {
	e.mu.Lock()
	defer e.mu.Unlock()
	var ids []int
	kept := e.all[:0]
	for _, j := range e.all {
		if j.state != Saved && j.state != Failed && j.state != Skipped {
			kept = append(kept, j)
			continue
		}
		ids = append(ids, j.id)
		e.bytes.Add(-j.done.Load()) // totals describe the list as it is now
		e.unlink(j)
		delete(e.byID, j.id)
		delete(e.byURL, j.url)
		if e.savedFinal[j.finalURL] == j.id {
			delete(e.savedFinal, j.finalURL)
		}
		e.counts[j.state]--
	}
	clear(e.all[len(kept):])
	e.all = kept
	e.version++
	return ids
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
	if e.phase == Running || e.phase == Draining {
		e.phase = Stopping
		e.version++
		e.cancel()
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
		e.nudge()
	}
}

// nudge wakes the feeder without blocking. Callers hold e.mu.
func (e *Engine) nudge() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// requeue puts a job back in the queue from any state. Callers hold e.mu.
func (e *Engine) requeue(j *job) {
	j.attempts = 0
	j.status = 0
	j.finalURL = ""
	j.savedPath = ""
	j.message = ""
	j.total = -1
	e.bytes.Add(-j.done.Swap(0))
	e.setState(j, Queued)
	e.queue = append(e.queue, j)
}

// setState moves j to s and records the change. Callers hold e.mu.
func (e *Engine) setState(j *job, s State) {
	if j.state != s {
		e.counts[j.state]--
		e.counts[s]++
		if j.state.active() && !s.active() {
			delete(e.active, j)
			j.meter = nil
		}
		if s.active() && !j.state.active() {
			e.active[j] = struct{}{}
			j.meter = &rateMeter{}
		}
		j.state = s
	}
	e.touch(j)
}

// touch marks j changed: it gets the next version and moves to the end of
// the change list, which keeps Changes proportional to what changed.
// Callers hold e.mu.
func (e *Engine) touch(j *job) {
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
