package warc

import (
	"context"
	"os"
	"sync"
	"time"

	"pagekeeper/engine/capture"
)

// DefaultMaxFileSize is the size at which a WARC file is finished and the
// next one started (1 GB, the usual size in web archiving).
const DefaultMaxFileSize int64 = 1 << 30

// defaultQueueLength bounds how many exchanges wait for the disk. Each
// holds its payload (in memory or a temporary file of the fetch layer), so
// a short queue keeps a slow disk from growing memory.
const defaultQueueLength = 16

// Options tune a Recorder; the zero value means the defaults.
type Options struct {
	// MaxFileSize is the size at which a file is finished and a new one
	// started (DefaultMaxFileSize when zero).
	MaxFileSize int64
	// QueueLength is how many exchanges may wait to be written before
	// Record blocks.
	QueueLength int
	// Now is the clock for file names and warcinfo dates (time.Now).
	Now func() time.Time
}

// Recorder writes a run's exchanges to WARC files in one folder. It
// implements capture.Recorder. Record may be called from any goroutine;
// one goroutine of the recorder's own writes, in the order received.
type Recorder struct {
	queue chan *capture.Exchange
	done  chan struct{}

	mu     sync.RWMutex // held for reading while sending on queue
	closed bool

	errMu   sync.Mutex
	err     error // the first write failure
	skipped int   // exchanges left out for a fault of their own

	w *writer
}

var _ capture.Recorder = (*Recorder)(nil)

// Open starts a recorder writing to dir (the output folder's archive/
// folder, created when missing). It first repairs what an earlier run
// that crashed left behind and learns which payloads the folder already
// holds, so they are written as revisits.
func Open(dir string, info Info) (*Recorder, error) {
	return OpenWithOptions(dir, info, Options{})
}

// OpenWithOptions is Open with tuning for tests and benchmarks.
func OpenWithOptions(dir string, info Info, opts Options) (*Recorder, error) {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.QueueLength <= 0 {
		opts.QueueLength = defaultQueueLength
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fail(msgFolder, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fail(msgFolder, err)
	}
	seen, err := prepareFolder(root)
	if err != nil {
		root.Close()
		return nil, err
	}
	r := &Recorder{
		queue: make(chan *capture.Exchange, opts.QueueLength),
		done:  make(chan struct{}),
		w: &writer{
			root: root, info: info, maxSize: opts.MaxFileSize, now: opts.Now,
			seen: seen, buf: make([]byte, copyBufferSize),
		},
	}
	go r.run()
	return r, nil
}

// Record queues ex to be written. It blocks while the queue is full and
// returns ctx's error when ctx ends first. After a write failure it
// refuses further exchanges with that failure, and after Close with
// ErrClosed. Whatever happens, ex.Release is called exactly once.
func (r *Recorder) Record(ctx context.Context, ex *capture.Exchange) error {
	if err := r.failure(); err != nil {
		ex.Release()
		return err
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		ex.Release()
		return ErrClosed
	}
	select {
	case r.queue <- ex:
		return nil
	case <-ctx.Done():
		ex.Release()
		return ctx.Err()
	}
}

// Close writes every queued exchange, finishes the current file and stops
// the recorder's goroutine. It returns the first write failure, if any.
// Calling it again returns the same.
func (r *Recorder) Close() error {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.queue)
	}
	r.mu.Unlock()
	<-r.done
	return r.failure()
}

// Skipped is how many exchanges were left out for a fault of their own (an
// address with control characters, a payload that could not be read back)
// while the archive went on.
func (r *Recorder) Skipped() int {
	r.errMu.Lock()
	defer r.errMu.Unlock()
	return r.skipped
}

func (r *Recorder) countSkipped() {
	r.errMu.Lock()
	defer r.errMu.Unlock()
	r.skipped++
}

func (r *Recorder) run() {
	defer close(r.done)
	for ex := range r.queue {
		if r.failure() == nil {
			if err := r.w.write(ex); onlyThisExchange(err) {
				r.countSkipped()
			} else {
				r.setFailure(err)
			}
		}
		ex.Release()
	}
	r.setFailure(fail(msgWrite, r.w.rotate()))
	r.setFailure(fail(msgWrite, r.w.root.Close()))
}

func (r *Recorder) failure() error {
	r.errMu.Lock()
	defer r.errMu.Unlock()
	return r.err
}

func (r *Recorder) setFailure(err error) {
	if err == nil {
		return
	}
	r.errMu.Lock()
	defer r.errMu.Unlock()
	if r.err == nil {
		r.err = err
	}
}
