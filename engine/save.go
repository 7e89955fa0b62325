package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
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
	defer d.page.body.discard()
	j := d.job
	if e.skipSamePage(run, j) {
		return
	}
	e.mu.Lock()
	e.setState(j, Saving)
	e.mu.Unlock()

	rel, size, sum, err := write(ctx, run.out, run.cfg.Format, d.page)
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

// write puts the kept form of the page in a synced temporary file and
// gives it its final name, so a final name only ever holds a complete file.
// It returns the path relative to the output folder, the size and the
// SHA-256.
func write(ctx context.Context, out *outDir, format Format, p *Page) (string, int64, string, error) {
	tmp, size, sum, err := render(ctx, out, format, p)
	if err != nil {
		return "", 0, "", err
	}
	folder := naming.SiteFolder(p.FinalURL)
	stem := naming.FileStem(p.FinalURL, p.Disposition)
	rel, err := out.place(tmp, folder, stem, format.Extension(p))
	if err != nil {
		out.remove(tmp)
		return "", 0, "", err
	}
	return rel, size, sum, nil
}

// render leaves the kept form of p in a synced, closed temporary file and
// returns its name, size and SHA-256. A page kept as served that already
// spilled to disk is kept in that very file: copying it would double the
// disk work for the largest pages.
func render(ctx context.Context, out *outDir, format Format, p *Page) (string, int64, string, error) {
	if _, ok := format.(verbatim); ok {
		if f, name := p.body.takeFile(); f != nil {
			return adopt(ctx, out, f, name)
		}
	}
	f, tmp, err := out.createTemp("save")
	if err != nil {
		return "", 0, "", err
	}
	hash := sha256.New()
	counter := &countingWriter{}
	w := io.MultiWriter(&ctxWriter{ctx: ctx, w: f}, hash, counter)
	if err := format.Write(ctx, w, p); err != nil {
		f.Close()
		out.remove(tmp)
		if ctx.Err() != nil {
			return "", 0, "", ctx.Err()
		}
		return "", 0, "", diskError(err)
	}
	if err := syncClose(ctx, f); err != nil {
		out.remove(tmp)
		return "", 0, "", err
	}
	return tmp, counter.n, hex.EncodeToString(hash.Sum(nil)), nil
}

// adopt hashes a downloaded temporary file and syncs it, to be placed as it is.
func adopt(ctx context.Context, out *outDir, f *os.File, name string) (string, int64, string, error) {
	hash := sha256.New()
	n, err := f.Seek(0, io.SeekStart)
	if err == nil {
		n, err = io.Copy(&ctxWriter{ctx: ctx, w: hash}, f)
	}
	if err != nil {
		f.Close()
		out.remove(name)
		if ctx.Err() != nil {
			return "", 0, "", ctx.Err()
		}
		return "", 0, "", diskError(err)
	}
	if err := syncClose(ctx, f); err != nil {
		out.remove(name)
		return "", 0, "", err
	}
	return name, n, hex.EncodeToString(hash.Sum(nil)), nil
}

// syncClose makes f's bytes durable and closes it.
func syncClose(ctx context.Context, f *os.File) error {
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return diskError(err)
	}
	return ctx.Err()
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
