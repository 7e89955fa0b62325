package engine

import (
	"context"
	"errors"
	"net/url"
	"time"

	"pagekeeper/engine/address"
	"pagekeeper/engine/failure"
	"pagekeeper/engine/fetch"
)

// pageAccept is what we ask for when fetching a page.
const pageAccept = "text/html,application/xhtml+xml,*/*;q=0.8"

// downloader takes requests from the scheduler until the run ends. It only
// ever waits for work that can start now; a retry's wait or a site's pause
// never holds it.
func (e *Engine) downloader(ctx context.Context, run *runState) {
	for {
		t := e.nextTask(ctx, run)
		if t == nil {
			return
		}
		if t.res != nil {
			e.fetchResource(ctx, run, t)
		} else {
			e.fetchPage(ctx, run, t)
		}
	}
}

// nextTask waits for a request that can start now and marks it started;
// nil when the run has ended.
func (e *Engine) nextTask(ctx context.Context, run *runState) *task {
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		e.mu.Lock()
		now := time.Now()
		t, wakeAt := run.sched.next(now, e.openPages(run), e.stillQueued)
		if t != nil {
			e.begin(run, t, now)
			e.mu.Unlock()
			return t
		}
		changed := run.changed
		e.mu.Unlock()
		var fire <-chan time.Time
		if !wakeAt.IsZero() {
			if timer == nil {
				timer = time.NewTimer(time.Until(wakeAt))
			} else {
				timer.Reset(time.Until(wakeAt))
			}
			fire = timer.C
		}
		select {
		case <-changed:
		case <-fire:
		case <-ctx.Done():
			return nil
		case <-run.finished:
			return nil
		}
	}
}

// stillQueued says whether a task taken from a queue still stands: its job
// may have been removed or stopped meanwhile. Callers hold e.mu.
func (e *Engine) stillQueued(t *task) bool {
	if t.res != nil {
		return t.res.task == t && t.res.state == resourceQueued
	}
	j := t.job
	return !j.removed && j.task == t && (j.state == Queued || j.state == Retrying)
}

// begin marks a task's work under way. Callers hold e.mu.
func (e *Engine) begin(run *runState, t *task, now time.Time) {
	if r := t.res; r != nil {
		r.task = nil
		r.state = resourceFetching
		r.attempts++
		return
	}
	j := t.job
	j.task = nil
	j.more().attempts++
	j.retryAt, j.sitePaused = time.Time{}, false
	e.bytes.Add(-j.done.Swap(0))
	e.setState(j, Downloading)
}

// fetchPage makes one attempt at a page and hands it to the savers.
func (e *Engine) fetchPage(ctx context.Context, run *runState, t *task) {
	j := t.job
	u, err := url.Parse(j.url)
	var resp *fetch.Response
	recorded := &fetch.Pending{}
	if err == nil {
		resp, err = run.client.Get(ctx, fetch.Request{
			URL: u, Accept: pageAccept, MaxSize: run.cfg.MaxSize, MemoryLimit: run.cfg.MemoryLimit,
			Spool: run.folder, Progress: e.progress(j), Recorded: recorded,
			OnAnswer: func(a fetch.Answer) {
				e.mu.Lock()
				j.status = a.Status
				j.finalURL = address.Redact(a.FinalURL.String())
				j.total = a.Length
				e.touch(j)
				e.mu.Unlock()
			},
		})
	} else {
		err = failure.New(failure.BadAddress, err)
	}
	now := e.requestEnded(run, t)
	if err != nil {
		row := e.attemptFailed(ctx, run, t, err, now)
		e.mu.Unlock()
		e.addRow(run, row)
		return
	}
	// Status and final address came with the answer (OnAnswer).
	j.contentType = resp.ContentType
	j.failure = failureNone
	shownURL, _ := url.Parse(j.shown())
	j.work = &pageWork{page: &Page{
		URL: shownURL, FinalURL: resp.FinalURL, Status: resp.Status,
		ContentType: resp.ContentType, Disposition: resp.Disposition, PageLimit: run.cfg.PageLimit,
		Fetched: resp.Started,
		body:    resp.Body,
	}, recorded: recorded}
	e.setState(j, WaitingToSave)
	e.mu.Unlock()
	select {
	case run.saveQ <- j:
	case <-ctx.Done(): // the run's end frees the page
	}
}

// requestEnded gives t's site its slot back and wakes the workers. It
// returns holding e.mu, with the time, for the caller to record the
// outcome in the same hold.
func (e *Engine) requestEnded(run *runState, t *task) time.Time {
	e.mu.Lock()
	now := time.Now()
	run.sched.done(t.site, now)
	run.wake()
	return now
}

// progress counts a transfer's bytes for j and for the totals.
func (e *Engine) progress(j *job) func(int64) {
	return func(n int64) {
		j.done.Add(n)
		e.bytes.Add(n)
	}
}

// attemptFailed decides what a failed page attempt means: a retry waiting
// in the queue (the whole site waits when the server asked), or the end of
// the job. It returns a manifest row to write when the job failed.
// Callers hold e.mu.
func (e *Engine) attemptFailed(ctx context.Context, run *runState, t *task, err error, now time.Time) *rowJob {
	if ctx.Err() != nil {
		return nil // Stop: the run's end marks the job Canceled
	}
	j := t.job
	f := asFailure(err)
	if f.Kind == failure.HTTPStatus {
		j.status = f.Status
	}
	e.bytes.Add(-j.done.Swap(0)) // totals count only what is kept or coming
	if f.Retryable() && j.attempts <= run.cfg.Retries {
		at := now.Add(backoff(j.attempts, run.cfg.RetryBase, min(f.RetryAfter, run.cfg.MaxRetryAfter)))
		if f.PausesSite() {
			run.sched.pause(t.site, at)
			j.sitePaused = true
		}
		j.failure, j.retryAt = f, at
		j.task = t
		e.setState(j, Retrying)
		run.sched.retryAt(t, at)
		return nil
	}
	return e.failLocked(j, f)
}

// asFailure is the failure an error carries.
func asFailure(err error) failure.Failure {
	var fe *failure.Error
	if errors.As(err, &fe) {
		return fe.Failure
	}
	return failure.Failure{Kind: failure.Network}
}

// fetchResource makes one attempt at a resource and wakes the pages that
// waited for it.
func (e *Engine) fetchResource(ctx context.Context, run *runState, t *task) {
	r := t.res
	u, err := url.Parse(r.url)
	var resp *fetch.Response
	if err == nil {
		// Resources live in files, not in memory: a run shares them across
		// pages until it ends.
		resp, err = run.client.Get(ctx, fetch.Request{
			URL: u, Accept: r.accept, Referrer: r.referrer, MaxSize: run.cfg.ResourceMaxSize, Spool: run.folder,
			CloseSpilled: true, Progress: e.progress(r.owner), Recorded: &r.recorded,
		})
	} else {
		err = failure.New(failure.BadAddress, err)
	}
	now := e.requestEnded(run, t)
	if ctx.Err() != nil {
		e.mu.Unlock()
		if resp != nil {
			resp.Body.Release()
		}
		return
	}
	if err != nil {
		f := asFailure(err)
		if f.Retryable() && !r.optional && r.attempts <= run.cfg.Retries {
			at := now.Add(backoff(r.attempts, run.cfg.RetryBase, min(f.RetryAfter, run.cfg.MaxRetryAfter)))
			if f.PausesSite() {
				run.sched.pause(t.site, at)
			}
			r.state, r.task = resourceQueued, t
			run.sched.retryAt(t, at)
			e.mu.Unlock()
			return
		}
		r.state, r.failure = resourceFailed, f
	} else {
		r.state, r.body = resourceDone, resp.Body
		r.finalURL, r.ctype = resp.FinalURL.String(), resp.ContentType
	}
	ready := e.arrived(r)
	e.mu.Unlock()
	for _, j := range ready {
		select {
		case run.saveQ <- j:
		case <-ctx.Done():
			return
		}
	}
}

// arrived tells the pages waiting for r that it is here, and returns those
// now ready for their next save step. Callers hold e.mu.
func (e *Engine) arrived(r *resource) []*job {
	var ready []*job
	for _, j := range r.waiters {
		w := j.work
		if w == nil || j.state != Downloading {
			continue // stopped or removed meanwhile
		}
		w.arrived = append(w.arrived, r)
		w.waitingFor--
		j.resDone++
		if w.waitingFor == 0 {
			e.setState(j, WaitingToSave)
			ready = append(ready, j)
		} else {
			e.touch(j)
		}
	}
	r.waiters = nil
	return ready
}
