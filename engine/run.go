package engine

import (
	"context"
	"path/filepath"
	"sync"
	"time"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/fetch"
	"pagekeeper/engine/store"
	"pagekeeper/engine/warc"
)

// runState is what one run owns: its settings, HTTP client, scheduler,
// output folder, resources and clocks. Settings cannot change during a
// run, so workers read them here without a lock.
type runState struct {
	cfg            Config
	client         *fetch.Client
	recorder       *warc.Recorder // nil when no web archive is kept
	sched          *scheduler     // guarded by Engine.mu
	folder         *store.Folder
	resources      map[string]*resource // guarded by Engine.mu
	saveQ          chan *job
	keepQ          chan *job // rendered pages waiting to be synced and placed
	cancel         context.CancelFunc
	started, ended time.Time
	finishedBefore int  // jobs already ended when the run began, for the ETA
	finishWhenDone bool // end by itself once every job has ended
	// syncing counts pages written and waiting for their sync: they hold
	// no body, so the bound on open pages leaves them out. Guarded by
	// Engine.mu.
	syncing int

	// changed is closed and replaced whenever new work may be possible,
	// waking the download workers that wait for it. Guarded by Engine.mu.
	changed chan struct{}
	// finished closes once a draining run has nothing left to do.
	finished     chan struct{}
	finishedOnce sync.Once
}

// keepers is how many files may be synced at once where each file is
// synced on its own. Syncs wait on the disk, which commits many files
// together: 16 at once cost half as much per file as one at a time on the
// disks measured, and 64 took 10,000 small pages 15% faster than 16.
const keepers = 64

// groupKeepers is how many pages may wait for a sync where one sync of
// the filesystem serves them all (Linux): a waiting page holds only its
// name, and the more share a sync the fewer syncs are needed. On 10,000
// pages of 20 KiB, 64 waiting pages needed 1,532 syncs; with this many,
// about 500, and the run took 2.7 s instead of 4.1 s.
const groupKeepers = 1024

// StartOption changes how a run behaves.
type StartOption func(*runState)

// FinishWhenDone makes the run end by itself (as Finished) once every job
// in the list has ended; addresses added before then join the run, and
// the phase stays Running until the end, so a window need not pretend.
func FinishWhenDone() StartOption { return func(r *runState) { r.finishWhenDone = true } }

// Start launches the download and save pools; it returns at once, and the
// output folder is opened by the run itself (a sleeping disk must not
// freeze the caller). Canceled jobs from an earlier run are queued again.
// ctx ending works like Stop.
func (e *Engine) Start(ctx context.Context, opts ...StartOption) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.phase.Busy() {
		return ErrBusy
	}
	cfg := e.cfg
	runCtx, cancel := context.WithCancel(ctx)
	run := &runState{
		cfg:       cfg,
		sched:     newScheduler(cfg.PerHost, 2*(cfg.DownloadWorkers+cfg.SaveWorkers)),
		resources: map[string]*resource{},
		saveQ:     make(chan *job, cfg.DownloadWorkers+cfg.SaveWorkers),
		cancel:    cancel,
		started:   time.Now(),
		changed:   make(chan struct{}),
		finished:  make(chan struct{}),
	}
	for _, o := range opts {
		o(run)
	}
	e.run = run
	e.problem = ""
	e.done = make(chan struct{})
	e.phase = Running
	e.version++
	e.queueForRun(run)
	run.finishedBefore = e.totals(run.started).Finished()
	e.bytesRate.reset()
	// The caller's context ending stops this run, and only this run.
	stopOnCtx := context.AfterFunc(ctx, func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.stopLocked(run)
	})
	go e.pipeline(runCtx, run, e.done, stopOnCtx)
	run.maybeFinish(e)
	return nil
}

// queueForRun hands the scheduler, in list order, every job waiting or
// canceled. Callers hold e.mu.
func (e *Engine) queueForRun(run *runState) {
	now := time.Now()
	for _, j := range e.all {
		switch j.state {
		case Queued:
			run.sched.addPage(j, now)
		case Canceled:
			e.requeue(j)
		}
	}
}

// pipeline is one run: the download pool takes requests from the
// scheduler, the save pool takes pages through a bounded channel. Each
// stage closes what it owns; done closes when all have exited.
func (e *Engine) pipeline(ctx context.Context, run *runState, done chan struct{}, stopOnCtx func() bool) {
	defer stopOnCtx()
	folder, err := store.Open(run.cfg.OutputDir)
	if err != nil {
		e.endRun(ctx, run, done, err, nil)
		return
	}
	run.folder = folder
	if run.cfg.WARC || run.cfg.WACZ {
		if run.recorder, err = warc.Open(filepath.Join(run.cfg.OutputDir, archiveDir), run.archiveInfo()); err != nil {
			folder.Close(false)
			e.endRun(ctx, run, done, err, nil)
			return
		}
	}
	if run.recorder != nil {
		run.client = fetch.New(run.cfg.fetchSettings(), run.recorder)
	} else {
		run.client = fetch.New(run.cfg.fetchSettings(), nil)
	}
	if run.cfg.WACZ {
		folder.LinkArchive(waczName(run.cfg.OutputDir))
	}

	run.keepQ = make(chan *job, folder.KeepersFor(keepers, groupKeepers))
	var workers sync.WaitGroup
	for range run.cfg.DownloadWorkers {
		workers.Go(func() { e.downloader(ctx, run) })
	}
	for range run.cfg.SaveWorkers {
		workers.Go(func() { serve(ctx, run, run.saveQ, e.saveStep) })
	}
	for range cap(run.keepQ) {
		// Keepers make rendered pages durable and place them. Syncing
		// waits on the disk, not the processor: many keepers let the disk
		// commit many files at once while the savers go on assembling.
		workers.Go(func() { serve(ctx, run, run.keepQ, e.commit) })
	}
	workers.Wait()
	e.releaseRun(run)
	run.client.CloseIdleConnections() // no connection goroutine outlives the run
	problem := e.finishArchive(run)
	folder.Close(ctx.Err() == nil)
	e.endRun(ctx, run, done, nil, problem)
}

// releaseRun frees what the run's pages and resources still hold, once
// no worker can touch them.
func (e *Engine) releaseRun(run *runState) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, j := range e.all {
		if j.work != nil && !j.state.Final() {
			j.work.close()
			j.work = nil
		}
	}
	for _, r := range run.resources {
		r.release()
	}
	run.resources = nil
}

// endRun marks what the run left unfinished as Canceled and records how the
// run ended, then closes done. A run that could not start (its folder
// unusable) leaves its jobs queued and says why; one whose web archive
// could not be finished says that.
func (e *Engine) endRun(ctx context.Context, run *runState, done chan struct{}, startProblem, endProblem error) {
	e.mu.Lock()
	stopped := ctx.Err() != nil || startProblem != nil
	if startProblem != nil {
		e.problem = startProblem.Error()
	} else {
		if endProblem != nil {
			e.problem = endProblem.Error()
		}
		for _, j := range e.all {
			// A run that finished by itself leaves addresses added in its
			// last moments queued for the next Start.
			if j.state.Final() || (!stopped && j.state == Queued) {
				continue
			}
			e.bytes.Add(-j.done.Swap(0))
			d := j.more()
			d.failure = failure.Failure{Kind: failure.Canceled}
			d.retryAt, j.sitePaused = time.Time{}, false
			d.resTotal, d.resDone = 0, 0
			if e.savedFinal[j.finalURL] == j.id {
				delete(e.savedFinal, j.finalURL)
			}
			e.setState(j, Canceled)
		}
	}
	if stopped {
		e.phase = Stopped
	} else {
		e.phase = Finished
	}
	run.ended = time.Now()
	e.version++
	run.cancel()
	e.mu.Unlock()
	close(done)
}

// wake tells waiting download workers that new work may be possible.
// Callers hold e.mu.
func (r *runState) wake() {
	close(r.changed)
	r.changed = make(chan struct{})
}

// maybeFinish ends a draining run (or one that finishes when done) once
// every job has ended. Callers hold e.mu.
func (r *runState) maybeFinish(e *Engine) {
	if r != e.run || e.unfinished() > 0 {
		return
	}
	if e.phase == Draining || (e.phase == Running && r.finishWhenDone) {
		r.finishedOnce.Do(func() { close(r.finished) })
	}
}

// unfinished is how many jobs have not ended. Callers hold e.mu.
func (e *Engine) unfinished() int {
	c := e.counts
	return c[Queued] + c[Downloading] + c[Retrying] + c[WaitingToSave] + c[Saving]
}

// openPages is how many pages are started and not finished: the
// scheduler starts no new page beyond its bound, so memory stays flat.
// Callers hold e.mu.
func (e *Engine) openPages(run *runState) int {
	c := e.counts
	return c[Downloading] + c[WaitingToSave] + c[Saving] - run.syncing
}
