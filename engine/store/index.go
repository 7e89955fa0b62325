package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// IndexName is the page listing everything kept in the folder.
const IndexName = "index.html"

// pagesName holds one JSON line per kept page: what index.html is made of.
// It lives with the session list, out of the person's way.
const pagesName = ".pagekeeper/pages.jsonl"

// IndexEntry is one kept page as index.html lists it.
type IndexEntry struct {
	Address string    `json:"address"`         // as a person reads it, password hidden
	Href    string    `json:"href"`            // the address to link to, password hidden
	Final   string    `json:"final,omitempty"` // where it led, password hidden
	Site    string    `json:"site"`            // how the site is shown, for grouping
	Title   string    `json:"title,omitempty"`
	File    string    `json:"file"` // relative to the folder, '/' separators
	Size    int64     `json:"size"`
	Saved   time.Time `json:"saved"`
	Missing int       `json:"missing,omitempty"` // resources the page does without
	// Archived is the address and time the page's answer was recorded
	// under in the web archive, when one was kept.
	ArchivedURL string    `json:"archived_url,omitempty"`
	ArchivedAt  time.Time `json:"archived_at,omitzero"`
}

// KeptPages is every page the folder's index lists, oldest first.
func (f *Folder) KeptPages() ([]IndexEntry, error) { return f.keptPages() }

// LoadKept reads the pages kept in dir (by every run before), without
// opening it for a run: what "already saved" is judged by.
func LoadKept(dir string) ([]IndexEntry, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, folderError(dir, err)
	}
	defer root.Close()
	f := &Folder{path: dir, root: root}
	return f.keptPages()
}

// minIndexGap is the least time between two rewrites of index.html: a run
// saving hundreds of pages a second rewrites it a few times a second at
// most, and once more at its end.
const minIndexGap = time.Second

// indexWriter records kept pages and rewrites index.html from them, off
// the savers' path, at most once per minIndexGap.
type indexWriter struct {
	f       *Folder
	mu      sync.Mutex // one append at a time per run; runs append whole lines
	kick    chan struct{}
	stop    chan struct{}
	stopped chan struct{}
	archive string   // the web archive to link, if any; guarded by mu
	pages   *os.File // pages.jsonl, opened at the first page; guarded by mu
	// known is every page of pages.jsonl, read once at the first rewrite
	// and then kept up to date in memory. Guarded by mu.
	known  []IndexEntry
	loaded bool
}

func newIndexWriter(f *Folder) *indexWriter {
	w := &indexWriter{f: f, kick: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	go w.loop()
	return w
}

// AddToIndex records a kept page; index.html follows within a second.
func (f *Folder) AddToIndex(e IndexEntry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	w := f.index
	w.mu.Lock()
	err = w.appendPage(append(line, '\n'))
	if err == nil && w.loaded {
		w.known = append(w.known, e)
	}
	w.mu.Unlock()
	w.nudge()
	return err
}

// LinkArchive makes index.html link the folder's web archive file.
func (f *Folder) LinkArchive(name string) {
	w := f.index
	w.mu.Lock()
	w.archive = name
	w.mu.Unlock()
	w.nudge()
}

func (w *indexWriter) nudge() {
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// appendPage adds one line to pages.jsonl, kept open for the run: one
// write a page. Callers hold w.mu.
func (w *indexWriter) appendPage(line []byte) error {
	if w.pages == nil {
		f := w.f
		if err := f.ownedDir(".pagekeeper"); err != nil {
			return err
		}
		file, err := f.openOwnedFile(pagesName, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return err
		}
		// A line a crash cut short must not swallow the next one.
		if info, err := file.Stat(); err == nil && info.Size() > 0 {
			var last [1]byte
			if _, err := file.ReadAt(last[:], info.Size()-1); err == nil && last[0] != '\n' {
				line = append([]byte("\n"), line...)
			}
		}
		w.pages = file
	}
	_, err := w.pages.Write(line)
	return err
}

func (w *indexWriter) loop() {
	defer close(w.stopped)
	var last time.Time
	gap := minIndexGap
	for {
		select {
		case <-w.kick:
		case <-w.stop:
			return
		}
		if d := time.Until(last.Add(gap)); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-w.stop:
				t.Stop()
				w.rewrite()
				return
			}
		}
		start := time.Now()
		w.rewrite()
		last = time.Now()
		// A large index is rewritten less often: at most a tenth of the
		// time goes to it, however many pages the folder keeps.
		gap = max(minIndexGap, 10*last.Sub(start))
	}
}

// close stops the writer, writing index.html one last time if a page was
// added since the last rewrite.
func (w *indexWriter) close() {
	close(w.stop)
	<-w.stopped
	select {
	case <-w.kick:
		w.rewrite()
	default:
	}
	w.mu.Lock()
	if w.pages != nil {
		w.pages.Close()
		w.pages = nil
	}
	w.mu.Unlock()
}

// rewrite makes index.html anew from every page the folder has kept, in a
// temporary file first, so the index always opens whole.
func (w *indexWriter) rewrite() {
	f := w.f
	w.mu.Lock()
	if !w.loaded {
		known, err := f.keptPages()
		if err != nil {
			w.mu.Unlock()
			return
		}
		w.known, w.loaded = known, true
	}
	entries := w.known[:len(w.known):len(w.known)] // appends go elsewhere
	archive := w.archive
	w.mu.Unlock()
	if before, err := f.root.Lstat(IndexName); err == nil && !before.Mode().IsRegular() {
		return // not ours to replace: leave it be
	}
	file, tmp, err := f.CreateTemp("index")
	if err != nil {
		return
	}
	bw := bufio.NewWriter(file)
	err = writeIndex(bw, entries, archive, time.Now())
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = f.root.Rename(tmp, IndexName)
	}
	if err != nil {
		f.Remove(tmp)
	}
}

// keptPages reads every line of pages.jsonl; a line cut by a crash is
// skipped.
func (f *Folder) keptPages() ([]IndexEntry, error) {
	file, err := f.openOwnedFile(pagesName, os.O_RDONLY, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var out []IndexEntry
	r := bufio.NewReaderSize(file, 64<<10)
	for {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 && bytes.HasSuffix(line, []byte("\n")) {
			var e IndexEntry
			if json.Unmarshal(line, &e) == nil && fs.ValidPath(e.File) && e.File != "." {
				out = append(out, e)
			}
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}
