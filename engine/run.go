package engine

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// runState is what one run owns: its settings, HTTP client, per-site
// limits, output folder handle (with the manifest) and clocks. Settings
// cannot change during a run, so workers read them here without a lock.
type runState struct {
	cfg            Config
	client         *http.Client
	hosts          *hostLimiter
	out            *outDir
	started, ended time.Time
	finishedBefore int // jobs already ended when the run began, for the ETA
}

// Start launches the download and save pools. Canceled jobs from an earlier
// run are queued again. ctx ending works like Stop.
func (e *Engine) Start(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.phase.Busy() {
		return ErrBusy
	}
	out, err := openOutDir(e.cfg.OutputDir)
	if err != nil {
		return err
	}
	e.rebuildQueue()
	runCtx, cancel := context.WithCancel(ctx)
	e.cancel = cancel
	e.done = make(chan struct{})
	e.phase = Running
	e.version++
	e.run = &runState{
		cfg: e.cfg, client: newClient(e.cfg), hosts: newHostLimiter(e.cfg.PerHost),
		out: out, started: time.Now(),
	}
	e.run.finishedBefore = e.totals(e.run.started).Finished()
	e.bytesRate.reset()
	go e.pipeline(runCtx, e.run, e.done)
	return nil
}

// rebuildQueue queues, in list order, every job waiting or canceled.
// Callers hold e.mu.
func (e *Engine) rebuildQueue() {
	e.queue = e.queue[:0]
	for _, j := range e.all {
		switch j.state {
		case Queued:
			e.queue = append(e.queue, j)
		case Canceled:
			e.requeue(j)
		}
	}
}

// pipeline is one run: feeder → download pool → bounded channel → save
// pool. Each stage closes what it owns; done closes when all have exited.
func (e *Engine) pipeline(ctx context.Context, run *runState, done chan struct{}) {
	cfg := run.cfg
	jobs := make(chan *job)
	downloaded := make(chan *download, cfg.SaveWorkers)

	var feeder sync.WaitGroup
	feeder.Go(func() { e.feed(ctx, jobs) })

	var downloaders sync.WaitGroup
	for range cfg.DownloadWorkers {
		downloaders.Go(func() { e.downloader(ctx, run, jobs, downloaded) })
	}
	var savers sync.WaitGroup
	for range cfg.SaveWorkers {
		savers.Go(func() { e.saver(ctx, run, downloaded) })
	}

	feeder.Wait()
	downloaders.Wait()
	close(downloaded)
	savers.Wait()
	// Savers leave early on Stop; what they did not take is thrown away.
	for d := range downloaded {
		d.page.body.discard()
	}
	run.out.close(ctx.Err() == nil)
	run.client.CloseIdleConnections() // no connection goroutine outlives the run
	e.endRun(ctx, run, done)
}

// feed hands queued jobs to the download workers until the queue is empty
// while draining, or the run is stopped. It owns and closes out.
func (e *Engine) feed(ctx context.Context, out chan<- *job) {
	defer close(out)
	for {
		j, draining := e.nextQueued()
		if j == nil {
			if draining {
				return
			}
			select {
			case <-e.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		select {
		case out <- j:
		case <-ctx.Done():
			return
		}
	}
}

// nextQueued pops the next job still queued, and says whether the engine is
// draining.
func (e *Engine) nextQueued() (*job, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for len(e.queue) > 0 {
		j := e.queue[0]
		e.queue[0] = nil
		e.queue = e.queue[1:]
		if j.state == Queued {
			return j, false
		}
	}
	return nil, e.phase == Draining
}

// endRun marks what the run left unfinished as Canceled and records how the
// run ended, then closes done.
func (e *Engine) endRun(ctx context.Context, run *runState, done chan struct{}) {
	e.mu.Lock()
	stopped := ctx.Err() != nil
	for _, j := range e.all {
		if j.state.Final() {
			continue
		}
		e.bytes.Add(-j.done.Swap(0))
		j.message = "Stopped before it was saved"
		if e.savedFinal[j.finalURL] == j.id {
			delete(e.savedFinal, j.finalURL)
		}
		e.setState(j, Canceled)
	}
	e.queue = e.queue[:0]
	if stopped {
		e.phase = Stopped
	} else {
		e.phase = Finished
	}
	run.ended = time.Now()
	e.version++
	e.cancel()
	e.mu.Unlock()
	close(done)
}
