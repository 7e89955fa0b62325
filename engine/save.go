package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"pagekeeper/engine/naming"
)

// saver writes downloaded pages to disk until the downloaders close in or
// the run is stopped.
func (e *Engine) saver(ctx context.Context, run *runState, in <-chan *download) {
	for {
		select {
		case <-ctx.Done():
			return
		case d, ok := <-in:
			if !ok {
				return
			}
			e.save(ctx, run, d)
		}
	}
}

// save names, writes, syncs and places one page, then records it.
func (e *Engine) save(ctx context.Context, run *runState, d *download) {
	defer d.body.discard()
	j := d.job
	if e.skipSamePage(run, j) {
		return
	}
	e.mu.Lock()
	e.setState(j, Saving)
	e.mu.Unlock()

	cfg := e.Config()
	rel, size, sum, err := e.write(ctx, run.out, cfg.Format, d.page)
	if err != nil {
		e.mu.Lock()
		delete(e.savedFinal, j.finalURL)
		e.mu.Unlock()
		if ctx.Err() != nil {
			return // Stop: the run's end marks the job Canceled
		}
		e.fail(run, j, err)
		return
	}
	e.mu.Lock()
	j.savedPath = rel
	j.message = ""
	e.setState(j, Saved)
	row := manifestRow{
		at: time.Now(), url: j.url, finalURL: j.finalURL, status: j.status, state: Saved,
		file: rel, bytes: size, sha256: sum,
	}
	e.mu.Unlock()
	if err := run.out.manifest.add(row); err != nil {
		e.mu.Lock()
		j.message = "Saved, but the manifest could not be updated: " + diskError(err).Error()
		e.touch(j)
		e.mu.Unlock()
	}
}

// skipSamePage ends j as Skipped when another job already keeps the page
// it redirected to; otherwise it claims that page for j.
func (e *Engine) skipSamePage(run *runState, j *job) bool {
	e.mu.Lock()
	other, ok := e.savedFinal[j.finalURL]
	if !ok || other == j.id || e.byID[other] == nil {
		e.savedFinal[j.finalURL] = j.id
		e.mu.Unlock()
		return false
	}
	j.message = fmt.Sprintf("Same page as #%d (the address led there)", other)
	e.setState(j, Skipped)
	row := manifestRow{at: time.Now(), url: j.url, finalURL: j.finalURL, status: j.status, state: Skipped, errMessage: j.message}
	e.mu.Unlock()
	run.out.manifest.add(row)
	return true
}

// write puts the page in a temporary file, syncs it and gives it its final
// name, so a final name only ever holds a complete file. It returns the
// path relative to the output folder, the size and the SHA-256.
func (e *Engine) write(ctx context.Context, out *outDir, format Format, p *Page) (string, int64, string, error) {
	f, tmp, err := out.createTemp("save")
	if err != nil {
		return "", 0, "", err
	}
	placed := false
	defer func() {
		if !placed {
			f.Close()
			out.remove(tmp)
		}
	}()
	hash := sha256.New()
	counter := &countingWriter{}
	w := io.MultiWriter(&ctxWriter{ctx: ctx, w: f}, hash, counter)
	if err := format.Write(ctx, w, p); err != nil {
		if ctx.Err() != nil {
			return "", 0, "", ctx.Err()
		}
		return "", 0, "", diskError(err)
	}
	if err := f.Sync(); err != nil {
		return "", 0, "", diskError(err)
	}
	if err := f.Close(); err != nil {
		return "", 0, "", diskError(err)
	}
	if ctx.Err() != nil {
		return "", 0, "", ctx.Err()
	}
	folder := naming.SiteFolder(p.FinalURL)
	stem := naming.FileStem(p.FinalURL, p.Disposition)
	rel, err := out.place(tmp, folder, stem, format.Extension(p))
	if err != nil {
		return "", 0, "", err
	}
	placed = true
	return rel, counter.n, hex.EncodeToString(hash.Sum(nil)), nil
}

// ctxWriter stops a long write as soon as the run is stopped.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
