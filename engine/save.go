package engine

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"time"

	"pagekeeper/engine/address"
	"pagekeeper/engine/failure"
	"pagekeeper/engine/naming"
	"pagekeeper/engine/store"
)

// serve hands the pages of q to step, one at a time, until the run ends:
// the loop of the save workers (which parse, ask for resources, assemble
// and write; a page waiting for its resources is not in their hands) and
// of the keepers.
func serve(ctx context.Context, run *runState, q <-chan *job, step func(context.Context, *runState, *job)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-run.finished:
			return
		case j := <-q:
			step(ctx, run, j)
		}
	}
}

// saveStep moves one page on: the format begins it, takes the resources
// that arrived, and either asks for more (the page then waits, holding no
// worker) or is written.
func (e *Engine) saveStep(ctx context.Context, run *runState, j *job) {
	e.mu.Lock()
	w := j.work
	if w == nil || !e.setState(j, Saving) {
		e.mu.Unlock()
		return
	}
	arrived := w.arrived
	w.arrived = nil
	e.mu.Unlock()

	if w.asm == nil {
		if row := e.skipSamePage(j); row != nil {
			e.addRow(run, row)
			return
		}
		asm, err := run.cfg.Format.Begin(ctx, w.page)
		if err != nil {
			e.saveFailed(ctx, run, j, err)
			return
		}
		w.asm = asm
	}
	for {
		for _, r := range arrived {
			if err := w.asm.Provide(r.view()); err != nil {
				e.saveFailed(ctx, run, j, err)
				return
			}
		}
		wants := w.asm.Wants()
		if len(wants) == 0 {
			break
		}
		e.mu.Lock()
		arrived = e.request(run, j, wants)
		if w.waitingFor > 0 {
			// Resources already here wait with the page for the rest.
			w.arrived = append(w.arrived, arrived...)
			e.setState(j, Downloading)
			e.mu.Unlock()
			return
		}
		e.touch(j)
		e.mu.Unlock()
	}
	e.keep(ctx, run, j)
}

// request registers what a page wants: a resource the run already has
// comes back at once, the rest is queued (once per run) and the page
// waits for it. Callers hold e.mu.
func (e *Engine) request(run *runState, j *job, wants []Want) (ready []*resource) {
	now := time.Now()
	w := j.work
	j.resTotal += len(wants)
	for _, want := range wants {
		r := run.resources[want.URL]
		if r == nil {
			r = &resource{url: want.URL, site: siteKey(want.URL), accept: want.Accept, referrer: want.Referrer, optional: want.Optional, owner: j}
			run.resources[want.URL] = r
			run.sched.addResource(r, now)
		}
		w.used = append(w.used, r)
		if r.ended() {
			ready = append(ready, r)
			j.resDone++
			continue
		}
		r.waiters = append(r.waiters, j)
		w.waitingFor++
	}
	if w.waitingFor > 0 {
		run.wake()
	}
	return ready
}

// skipSamePage ends j as Skipped when another job keeps (or is saving)
// the page it redirected to; otherwise it claims that page for j. A claim
// counts only while its job is Saved or under way: a job whose file went
// missing, or that failed or was removed, keeps nothing.
func (e *Engine) skipSamePage(j *job) *rowJob {
	e.mu.Lock()
	defer e.mu.Unlock()
	other, ok := e.savedFinal[j.finalURL]
	o := e.byID[other]
	if !ok || other == j.id || o == nil || !(o.state == Saved || o.state.open()) {
		e.savedFinal[j.finalURL] = j.id
		return nil
	}
	j.sameAs = other
	j.work.close()
	j.work = nil
	e.setState(j, Skipped)
	return e.rowFor(j)
}

// keep writes the page and hands it to the keepers, which make it durable,
// give it its final name and record it.
func (e *Engine) keep(ctx context.Context, run *runState, j *job) {
	w := j.work
	r, err := render(ctx, run.folder, w)
	if err != nil {
		e.saveFailed(ctx, run, j, err)
		return
	}
	// What the keepers need is taken now and the rest let go: a page
	// waiting for its sync holds a file and a few names, not its body,
	// so many can wait at once (one sync then serves them all) without
	// counting against the pages the run keeps open.
	r.ext, r.title, r.missing = w.asm.Extension(), w.asm.Title(), w.asm.Missing()
	w.asm.Close()
	w.asm = nil
	if r.taken {
		r.file = nil // the body's own handle, which the body closes
	} else {
		w.page.body.Release()
		w.page.body = nil
		if r.file, err = run.folder.Written(r.file); err != nil {
			run.folder.Remove(r.name)
			e.saveFailed(ctx, run, j, failure.Disk(err))
			return
		}
	}
	w.rendered = r
	e.mu.Lock()
	run.syncing++
	run.wake()
	e.mu.Unlock()
	select {
	case run.keepQ <- j:
	case <-ctx.Done():
		e.mu.Lock()
		run.syncing--
		e.mu.Unlock()
		if r.file != nil {
			r.file.Close()
		}
		run.folder.Remove(r.name)
	}
}

// commit syncs a rendered page, gives it its final name (a final name only
// ever holds a complete, durable file) and records it as saved.
func (e *Engine) commit(ctx context.Context, run *runState, j *job) {
	defer func() {
		e.mu.Lock()
		run.syncing--
		e.mu.Unlock()
	}()
	w := j.work
	r := w.rendered
	err := run.folder.SyncFile(r.file, r.name)
	w.rendered.file = nil
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = archived(ctx, w)
	}
	var rel string
	if err == nil {
		rel, err = e.place(run, j, r)
	}
	if err != nil {
		run.folder.Remove(r.name)
		e.saveFailed(ctx, run, j, failure.Disk(err))
		return
	}
	missing, title := r.missing, r.title
	e.mu.Lock()
	j.savedPath, j.savedSize, j.sha256, j.savedAt = rel, r.size, r.sum, time.Now()
	j.missing = missing
	if e.session != nil {
		e.session.kept[j.shown()] = j.savedAt
		e.session.kept[j.finalURL] = j.savedAt
	}
	j.failure = failureNone
	w.close()
	j.work = nil
	e.setState(j, Saved)
	row := e.rowFor(j)
	entry := indexEntry(j, title)
	if run.recorder != nil {
		entry.ArchivedURL, entry.ArchivedAt = w.page.FinalURL.String(), w.page.Fetched
	}
	e.mu.Unlock()
	e.addRow(run, row)
	run.folder.AddToIndex(entry)
}

// archived waits until the web archive holds every exchange the page was
// made of (its own and its resources'), so a page called saved is in the
// archive too, even if the process dies a moment later. Without an
// archive it returns at once.
func archived(ctx context.Context, w *pageWork) error {
	if w.recorded != nil {
		if err := w.recorded.Wait(ctx); err != nil {
			return err
		}
	}
	for _, r := range w.used {
		if err := r.recorded.Wait(ctx); err != nil {
			return err
		}
	}
	return nil
}

// place gives a synced page its final name. The name is chosen and
// written down first (in the intent log, one write that survives the
// process being killed; the journal follows in its next batch), then the
// file takes it: after a crash at any moment the folder's list either
// does not know the file (which then does not exist) or knows it by name,
// so reopening finds it and never fetches the page a second time.
func (e *Engine) place(run *runState, j *job, r rendered) (string, error) {
	p := j.work.page
	folder, stem, ext := naming.SiteFolder(p.FinalURL), naming.FileStem(p.FinalURL, p.Disposition), r.ext
	if j.newCopy {
		stem = naming.Safe(stem+" "+time.Now().Format("2006-01-02"), 200)
	}
	for {
		rel, err := run.folder.Reserve(folder, stem, ext)
		if err != nil {
			return "", err
		}
		e.mu.Lock()
		j.savedPath, j.sha256, j.savedSize = rel, r.sum, r.size
		e.keepRecord(j)
		s := e.session
		e.mu.Unlock()
		if s != nil && s.intents != nil {
			if err := s.intents.add(intent{ID: j.id, File: rel, SHA256: r.sum, Size: r.size}); err != nil {
				return "", err
			}
		}
		// Another program may take the name meanwhile: then the next
		// name is reserved and written down before the file takes it.
		if err := run.folder.PlaceAt(r.name, rel); !errors.Is(err, store.ErrNameTaken) {
			return rel, err
		}
	}
}

// indexEntry is how index.html lists a saved job. Callers hold e.mu.
func indexEntry(j *job, title string) store.IndexEntry {
	shown := address.Display(j.url)
	return store.IndexEntry{
		Address: shown, Href: j.shown(), Final: j.finalURL, Site: hostPort(shown), Title: title, File: j.savedPath,
		Size: j.savedSize, Saved: j.changedAt(), Missing: len(j.missing),
	}
}

// saveFailed ends j as Failed, unless the run was stopped.
func (e *Engine) saveFailed(ctx context.Context, run *runState, j *job, err error) {
	e.mu.Lock()
	if e.savedFinal[j.finalURL] == j.id {
		delete(e.savedFinal, j.finalURL)
	}
	if ctx.Err() != nil {
		e.mu.Unlock()
		return // Stop: the run's end marks the job Canceled
	}
	if j.work != nil {
		j.work.close()
		j.work = nil
	}
	// place may have written down a name the file never took.
	j.savedPath, j.sha256, j.savedSize = "", "", 0
	row := e.failLocked(j, failure.Disk(err).Failure)
	e.mu.Unlock()
	e.addRow(run, row)
}

// failLocked ends j as Failed with f. Callers hold e.mu.
func (e *Engine) failLocked(j *job, f failure.Failure) *rowJob {
	j.failure = f
	j.retryAt, j.sitePaused = time.Time{}, false
	e.bytes.Add(-j.done.Swap(0))
	e.setState(j, Failed)
	return e.rowFor(j)
}

// rendered is a page written to a temporary file, not yet synced.
type rendered struct {
	file *os.File
	name string // relative to the output folder
	size int64
	sum  string // SHA-256 of the content, hex
	// from the assembly, which is closed once the page is written
	ext, title string
	missing    []MissingResource
	// taken: file is the spilled body's own file, which the body (and a
	// web archive reading it) still uses, so the body stays until the end
	taken bool
}

// render writes the kept form of the page to a temporary file. A page kept
// as it came, which spilled to disk, is kept in that very file: copying it
// would double the disk work for the largest pages, and its digest was
// taken as it arrived.
func render(ctx context.Context, folder *store.Folder, w *pageWork) (rendered, error) {
	body := w.page.body
	_, asIs := w.asm.(*verbatim)
	if asIs && body.Identity() {
		if name, f, ok := body.TakeFile(); ok {
			sum := body.SHA256()
			return rendered{file: f, name: name, size: body.Size(), sum: hex.EncodeToString(sum[:]), taken: true}, ctx.Err()
		}
	}
	f, tmp, err := folder.CreateTemp("save")
	if err != nil {
		return rendered{}, err
	}
	r := rendered{file: f, name: tmp}
	if asIs && body.Identity() {
		// The digest taken as the bytes arrived is the content's digest.
		err = w.asm.Write(ctx, &ctxWriter{ctx: ctx, w: f})
		sum := body.SHA256()
		r.size, r.sum = body.Size(), hex.EncodeToString(sum[:])
	} else {
		hash := sha256.New()
		counter := &countingWriter{}
		buf := bufio.NewWriterSize(&ctxWriter{ctx: ctx, w: f}, 64<<10)
		err = w.asm.Write(ctx, io.MultiWriter(buf, hash, counter))
		if err == nil {
			err = buf.Flush()
		}
		r.size, r.sum = counter.n, hex.EncodeToString(hash.Sum(nil))
	}
	if err != nil {
		f.Close()
		folder.Remove(tmp)
		if ctx.Err() != nil {
			return rendered{}, ctx.Err()
		}
		return rendered{}, failure.Disk(err)
	}
	return r, nil
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
