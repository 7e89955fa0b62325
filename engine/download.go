package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"time"
)

// download is a fetched page on its way from a download worker to a saver.
type download struct {
	job  *job
	page *Page
}

// downloader takes jobs until the feeder closes in or the run is stopped,
// and hands every fetched page to the savers through out.
func (e *Engine) downloader(ctx context.Context, run *runState, in <-chan *job, out chan<- *download) {
	for {
		var j *job
		select {
		case <-ctx.Done():
			return
		case next, ok := <-in:
			if !ok {
				return
			}
			j = next
		}
		d, err := e.fetch(ctx, run, j)
		if err != nil {
			if ctx.Err() == nil {
				e.fail(run, j, err)
			}
			continue
		}
		e.mu.Lock()
		e.setState(j, WaitingToSave)
		e.mu.Unlock()
		select {
		case out <- d:
		case <-ctx.Done():
			d.page.body.discard()
			return
		}
	}
}

// fetch downloads j, retrying what may work later with backoff.
func (e *Engine) fetch(ctx context.Context, run *runState, j *job) (*download, error) {
	cfg := run.cfg
	u, _ := url.Parse(j.url)
	for attempt := 1; ; attempt++ {
		release, err := run.hosts.acquire(ctx, u.Host)
		if err != nil {
			return nil, err
		}
		e.mu.Lock()
		j.attempts = attempt
		e.bytes.Add(-j.done.Swap(0))
		e.setState(j, Downloading)
		e.mu.Unlock()

		d, err := e.attempt(ctx, run, j)
		release()
		if err == nil {
			return d, nil
		}
		var je *jobError
		if ctx.Err() != nil || !errors.As(err, &je) || !je.retry || attempt > cfg.Retries {
			return nil, err
		}
		wait := backoff(attempt, cfg.RetryBase, je.retryAfter)
		e.mu.Lock()
		j.message = fmt.Sprintf("%s; trying again in %s (attempt %d of %d)", je.msg, seconds(wait.Round(100*time.Millisecond)), attempt+1, cfg.Retries+1)
		e.setState(j, Retrying)
		e.mu.Unlock()
		if !sleepCtx(ctx, wait) {
			return nil, ctx.Err()
		}
	}
}

// attempt makes one request for j and reads the whole body.
func (e *Engine) attempt(ctx context.Context, run *runState, j *job) (*download, error) {
	cfg := run.cfg
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, j.url, nil)
	if err != nil {
		return nil, &jobError{msg: "The address cannot be requested", err: err}
	}
	req.Header.Set("User-Agent", cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := run.client.Do(req)
	if err != nil {
		return nil, describeNetError(err, cfg)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e.mu.Lock()
		j.status = resp.StatusCode
		e.mu.Unlock()
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return nil, statusError(resp, time.Now(), cfg.MaxRetryAfter)
	}
	if resp.ContentLength > cfg.MaxSize {
		return nil, tooLargeError(cfg.MaxSize)
	}

	page := &Page{
		FinalURL:    resp.Request.URL,
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Disposition: dispositionName(resp.Header.Get("Content-Disposition")),
	}
	page.URL, _ = url.Parse(j.url)
	e.mu.Lock()
	j.status = resp.StatusCode
	j.finalURL = page.FinalURL.String()
	j.contentType = page.ContentType
	j.total = resp.ContentLength
	e.touch(j)
	e.mu.Unlock()

	b := newBody(run.out, cfg.MemoryLimit)
	n, err := e.copyBody(ctx, cancel, cfg, j, b, resp.Body)
	if err != nil {
		b.discard()
		if ctx.Err() != nil && context.Cause(ctx) == errIdle {
			return nil, describeNetError(errIdle, cfg)
		}
		var je *jobError
		if errors.As(err, &je) {
			return nil, je
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, truncatedError(n, resp.ContentLength, err)
		}
		return nil, describeNetError(err, cfg)
	}
	page.body = b
	return &download{job: j, page: page}, nil
}

// copyBody reads src into dst, counting progress as it goes, failing when
// the size cap is passed and cancelling the request when the server stays
// silent longer than the idle timeout.
func (e *Engine) copyBody(ctx context.Context, cancel context.CancelCauseFunc, cfg Config, j *job, dst io.Writer, src io.Reader) (int64, error) {
	idle := time.AfterFunc(cfg.IdleTimeout, func() { cancel(errIdle) })
	defer idle.Stop()
	buf := make([]byte, 64<<10)
	var n int64
	for {
		k, rerr := src.Read(buf)
		if k > 0 {
			idle.Reset(cfg.IdleTimeout)
			if n+int64(k) > cfg.MaxSize {
				return n, tooLargeError(cfg.MaxSize)
			}
			if _, err := dst.Write(buf[:k]); err != nil {
				return n, &jobError{msg: diskError(err).Error(), err: err}
			}
			n += int64(k)
			j.done.Add(int64(k))
			e.bytes.Add(int64(k))
		}
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, rerr
		}
	}
}

// dispositionName is the file name from a Content-Disposition header, or "".
func dispositionName(v string) string {
	if v == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(v)
	if err != nil {
		return ""
	}
	return params["filename"]
}

// fail ends j as Failed with err's message and records it in the manifest.
func (e *Engine) fail(run *runState, j *job, err error) {
	msg := err.Error()
	var je *jobError
	if errors.As(err, &je) {
		msg = je.msg
	}
	e.mu.Lock()
	j.message = msg
	e.setState(j, Failed)
	row := manifestRow{at: time.Now(), url: j.url, finalURL: j.finalURL, status: j.status, state: Failed, errMessage: msg}
	e.mu.Unlock()
	run.out.manifest.add(row)
}
