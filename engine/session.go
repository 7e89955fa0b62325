package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/journal"
	"pagekeeper/engine/store"
)

// session is a folder's list as kept on disk: the journal that survives
// quitting and crashes, and what the folder already holds.
type session struct {
	dir     string
	journal *journal.Journal
	// kept is when each address (password hidden) was last saved in this
	// folder, by any run, removed rows included: "Already saved on...".
	kept map[string]time.Time
	// stop ends the look for missing files, which closes checked.
	stop, checked chan struct{}
	intents       *intentLog // nil until settle
}

// settle writes what reopening corrected (pages found placed) to the
// journal, then starts a new intent log. Call it without holding e.mu.
func (s *session) settle(corrected []journal.Record) error {
	for _, r := range corrected {
		s.journal.Put(r)
	}
	if err := s.journal.Flush(); err != nil {
		return err
	}
	if err := clearIntents(s.dir); err != nil {
		return err
	}
	l, err := openIntents(s.dir)
	if err != nil {
		return err
	}
	s.intents = l
	return nil
}

// close stops the file check and closes the journal.
func (s *session) close() error {
	close(s.stop)
	<-s.checked
	if s.intents != nil {
		s.intents.close()
	}
	return s.journal.Close()
}

// openSession opens dir's list, taking the folder's lock, and reads what
// the folder already holds. It touches the disk.
func openSession(dir string) (*session, []journal.Record, error) {
	j, err := journal.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	recs, err := j.Load()
	if err != nil {
		j.Close()
		return nil, nil, err
	}
	// Pages placed just before the process died, whose saved state the
	// journal had not written yet: their file names are in the intents.
	intents := readIntents(dir)
	for i := range recs {
		if in, ok := intents[recs[i].ID]; ok && State(recs[i].State) != Saved {
			recs[i].State = int(Saving)
			recs[i].Files, recs[i].SHA256, recs[i].Bytes = []string{in.File}, in.SHA256, in.Size
		}
	}
	s := &session{dir: dir, journal: j, kept: map[string]time.Time{}, stop: make(chan struct{}), checked: make(chan struct{})}
	pages, _ := store.LoadKept(dir) // a missing or unreadable history only loses the "already saved" note
	for _, p := range pages {
		for _, u := range []string{p.Href, p.Final} {
			if u != "" && p.Saved.After(s.kept[u]) {
				s.kept[u] = p.Saved
			}
		}
	}
	return s, recs, nil
}

// rebuild makes the jobs of a list from the journal's records. What is on
// disk is the truth: a page that was being placed when the process died
// is saved if its file is there and whole, queued again otherwise;
// everything else that was under way is queued again (saved files are
// looked for afterwards, see checkFiles). It reads the disk: call it
// without holding e.mu.
func rebuild(dir string, recs []journal.Record) []*job {
	slices.SortFunc(recs, func(a, b journal.Record) int { return a.ID - b.ID })
	var root *os.Root
	if r, err := os.OpenRoot(dir); err == nil {
		root = r
		defer root.Close()
	}
	jobs := make([]*job, 0, len(recs))
	for _, r := range recs {
		if r.ID <= 0 {
			continue
		}
		j := newJob(r.ID, r.URL, r.Added)
		j.changed = r.Changed.UnixNano()
		if r.Attempts != 0 || r.HTTPStatus != 0 || r.FinalURL != "" || len(r.Files) > 0 || r.Failure.Failed() || !r.Saved.IsZero() {
			d := j.more()
			d.attempts, d.status, d.finalURL = r.Attempts, r.HTTPStatus, r.FinalURL
			d.sha256, d.savedSize, d.failure, d.savedAt = r.SHA256, r.Bytes, r.Failure, r.Saved
			if len(r.Files) > 0 {
				d.savedPath = r.Files[0]
			}
		}
		j.state = restoredState(State(r.State), j, root)
		j.corrected = j.state != State(r.State)
		if r.Missing > 0 && j.state == Saved {
			d := j.more()
			d.missing = make([]MissingResource, r.Missing)
			d.resTotal, d.resDone = r.Missing, r.Missing
		}
		jobs = append(jobs, j)
	}
	return jobs
}

// corrections are the records of jobs that reopened in another state
// than the journal had, to be written back. Callers hold e.mu.
func corrections(jobs []*job) []journal.Record {
	var out []journal.Record
	for _, j := range jobs {
		if j.corrected {
			j.corrected = false
			out = append(out, record(j))
		}
	}
	return out
}

// install makes jobs the list. Callers hold e.mu (or own e alone).
func (e *Engine) install(jobs []*job) {
	for _, j := range jobs {
		if _, dup := e.byURL[j.url]; dup {
			continue
		}
		e.nextID = max(e.nextID, j.id)
		e.byURL[j.url] = j
		e.byID[j.id] = j
		e.all = append(e.all, j)
		e.counts[j.state]++
		e.touch(j)
		if j.state == Saved && j.jobDetail != nil && j.finalURL != "" {
			e.savedFinal[j.finalURL] = j.id
		}
	}
}

// restoredState is the state a job reopens in. Saved files are looked
// for afterwards, off the caller's path (see checkFiles).
func restoredState(s State, j *job, root *os.Root) State {
	switch {
	case s == Saved:
		return Saved
	case s == Saving && j.savedFile() != "" && fileMatches(root, j.savedPath, j.sha256):
		// Placed just before the process died, its saved state not yet
		// written: the file is whole, so it is saved.
		return Saved
	case s == Failed, s == Canceled, s == Skipped:
		return s
	}
	j.forgetDetail()
	return Queued
}

func fileThere(root *os.Root, rel string) bool {
	if root == nil || rel == "" {
		return false
	}
	info, err := root.Stat(filepath.FromSlash(rel))
	return err == nil && info.Mode().IsRegular()
}

func fileMatches(root *os.Root, rel, sum string) bool {
	if !fileThere(root, rel) || sum == "" {
		return false
	}
	f, err := root.Open(filepath.FromSlash(rel))
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == sum
}

// checkFiles looks for every saved file of the list on disk, in the
// background so a list of 100,000 shows at once, and marks the rows whose
// file is gone "file missing". It stops when stop closes.
func (e *Engine) checkFiles(s *session, stop <-chan struct{}) {
	defer close(s.checked)
	// Each file is looked for without the lock; under it, only whether
	// the row still names that file.
	type savedFile struct {
		j    *job
		file string
	}
	e.mu.Lock()
	var saved []savedFile
	for _, j := range e.all {
		if j.state == Saved {
			saved = append(saved, savedFile{j, j.savedFile()})
		}
	}
	dir := e.cfg.OutputDir
	e.mu.Unlock()
	root, err := os.OpenRoot(dir)
	if err != nil {
		return
	}
	defer root.Close()
	for len(saved) > 0 {
		select {
		case <-stop:
			return
		default:
		}
		batch := saved[:min(len(saved), 1000)]
		saved = saved[len(batch):]
		var gone []savedFile
		for _, f := range batch {
			if !fileThere(root, f.file) {
				gone = append(gone, f)
			}
		}
		if len(gone) == 0 {
			continue
		}
		e.mu.Lock()
		for _, f := range gone {
			// A row may have been removed, or saved anew, meanwhile.
			if j := f.j; e.session == s && !j.removed && j.state == Saved && j.savedFile() == f.file {
				j.more().failure = failure.Failure{Kind: failure.FileMissing}
				e.setState(j, Failed)
			}
		}
		e.mu.Unlock()
	}
}

// record is j as the journal keeps it. Callers hold e.mu.
func record(j *job) journal.Record {
	r := journal.Record{ID: j.id, URL: j.url, State: int(j.state), Added: j.addedAt(), Changed: j.changedAt()}
	d := j.jobDetail
	if d == nil {
		return r
	}
	r.Attempts, r.Failure, r.HTTPStatus, r.FinalURL = d.attempts, d.failure, d.status, d.finalURL
	r.Bytes, r.SHA256, r.Missing, r.Saved = d.savedSize, d.sha256, len(d.missing), d.savedAt
	if d.savedPath != "" {
		r.Files = []string{d.savedPath}
	}
	return r
}

// keep hands j's new state to the journal. Callers hold e.mu.
func (e *Engine) keepRecord(j *job) {
	if e.session != nil && !j.removed {
		e.session.journal.Put(record(j))
	}
}

// Notice is something the person should know about the folder's list,
// such as a damaged list set aside; "" when there is nothing to say.
func (e *Engine) Notice() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.session == nil {
		return ""
	}
	return e.session.journal.Notice()
}

// Close writes the list to the folder and lets go of the folder, so
// another Pagekeeper may use it. Stop the run and wait for Done first.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.phase.Busy() {
		e.mu.Unlock()
		return ErrBusy // the run still writes the list
	}
	s := e.session
	e.session = nil
	e.mu.Unlock()
	if s == nil {
		return nil
	}
	return s.close()
}

// Forget empties the list (the folder's saved files stay): a fresh start.
func (e *Engine) Forget() error {
	e.mu.Lock()
	if e.phase.Busy() {
		e.mu.Unlock()
		return ErrBusy
	}
	// The list is emptied and its clearing written down in one hold of
	// the lock: an address added meanwhile comes after the clearing and
	// is kept.
	for _, j := range e.all {
		e.forget(j)
	}
	e.compact()
	s := e.session
	var err error
	if s != nil {
		err = s.journal.ClearLater()
	}
	e.mu.Unlock()
	if s == nil || err != nil {
		return err
	}
	return s.journal.Flush()
}

// flushList makes sure added addresses are on disk before Add returns.
func (e *Engine) flushList() {
	e.mu.Lock()
	s := e.session
	e.mu.Unlock()
	if s != nil {
		s.journal.Flush()
	}
}

// alreadyKept is when this folder last kept u, if ever. Callers hold e.mu.
func (e *Engine) alreadyKept(shown string) (time.Time, bool) {
	if e.session == nil {
		return time.Time{}, false
	}
	t, ok := e.session.kept[shown]
	return t, ok
}
