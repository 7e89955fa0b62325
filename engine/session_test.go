package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/failure"
)

// reopen closes e and opens its folder again, as quitting and starting
// Pagekeeper again does.
func reopen(t *testing.T, e *Engine, cfg Config) *Engine {
	t.Helper()
	e.Stop()
	<-e.Done()
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	return newEngine(t, cfg)
}

// TestTheListSurvivesQuitting: a list stopped half way is there after a
// restart: saved rows saved (their files found), the rest ready to go on,
// and going on saves each address once.
func TestTheListSurvivesQuitting(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	urls := srv.Paths(30, enginetest.Knobs{Size: 4096, Drip: 5 * time.Millisecond, DripChunk: 512})
	addAll(t, e, urls...)
	if err := e.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, e, "a few pages", func(s Snapshot) bool { return s.Totals.Counts[Saved] >= 3 })
	e.Stop()
	<-e.Done()
	before := e.Snapshot()
	e = reopen(t, e, cfg)
	after := e.Snapshot()
	if len(after.Jobs) != 30 || after.Totals.Counts[Saved] != before.Totals.Counts[Saved] {
		t.Fatalf("before %v, after %v", before.Totals.Counts, after.Totals.Counts)
	}
	for i, j := range after.Jobs {
		if j.ID != before.Jobs[i].ID || j.URL != before.Jobs[i].URL || j.State != before.Jobs[i].State || j.SavedPath != before.Jobs[i].SavedPath {
			t.Errorf("row %d: before %+v\nafter %+v", i, before.Jobs[i], j)
		}
	}
	s := runToEnd(t, e)
	if s.Totals.Counts[Saved] != 30 {
		t.Fatalf("counts %v", s.Totals.Counts)
	}
	files, _ := filepath.Glob(filepath.Join(cfg.OutputDir, "127.0.0.1_*", "*"))
	if len(files) != 30 {
		t.Errorf("%d files for 30 addresses: %v", len(files), files)
	}
	if _, err := e.Add(urls[0]); err != nil {
		t.Fatal(err)
	}
	if n := len(e.Snapshot().Jobs); n != 30 {
		t.Errorf("an address in the reopened list was added again: %d rows", n)
	}
}

// TestCloseDuringARunKeepsTheList: Close while a run goes on is refused
// and changes nothing: the run's saved pages still reach the list, and
// the folder is let go once the run has ended.
func TestCloseDuringARunKeepsTheList(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	addAll(t, e, srv.Paths(10, enginetest.Knobs{Size: 4096, Drip: 5 * time.Millisecond, DripChunk: 512})...)
	if err := e.Start(t.Context(), FinishWhenDone()); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != ErrBusy {
		t.Fatalf("Close during a run: %v, want ErrBusy", err)
	}
	waitDone(t, e)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if s := newEngine(t, cfg).Snapshot(); s.Totals.Counts[Saved] != 10 {
		t.Errorf("reopened list: %v, want 10 saved", s.Totals.Counts)
	}
}

// TestMissingFilesAreShownAndFetchedAgain: what is on disk is the truth.
func TestMissingFilesAreShownAndFetchedAgain(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	addAll(t, e, srv.Paths(2, enginetest.Knobs{})...)
	s := runToEnd(t, e)
	os.Remove(filepath.Join(cfg.OutputDir, s.Jobs[0].SavedPath))
	e = reopen(t, e, cfg)
	// The list shows at once; the files are looked for just after.
	s = waitFor(t, e, "the missing file found out", func(s Snapshot) bool { return s.Jobs[0].State == Failed })
	if j := s.Jobs[0]; j.State != Failed || j.Failure.Kind != failure.FileMissing || !strings.Contains(j.Message(time.Now()), "no longer on disk") {
		t.Fatalf("%+v", j)
	}
	if j := s.Jobs[1]; j.State != Saved {
		t.Fatalf("%+v", j)
	}
	if n, _ := e.Retry(s.Jobs[0].ID); n != 1 {
		t.Fatal("a missing file cannot be fetched again")
	}
	if j := runToEnd(t, e).Jobs[0]; j.State != Saved {
		t.Fatalf("%+v", j)
	}
}

// TestAMissingFileIsNotTheSamePage: a page whose file went missing no
// longer stands for its address: another address leading there is saved,
// not skipped as the same page as a row with no file.
func TestAMissingFileIsNotTheSamePage(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	page := srv.URLFor("/page", enginetest.Knobs{Size: 1000})
	addAll(t, e, page)
	s := runToEnd(t, e)
	os.Remove(filepath.Join(cfg.OutputDir, s.Jobs[0].SavedPath))
	e = reopen(t, e, cfg)
	waitFor(t, e, "the missing file found out", func(s Snapshot) bool { return s.Jobs[0].State == Failed })
	addAll(t, e, srv.URLFor("/to-page", enginetest.Knobs{RedirectTo: page}))
	if j := runToEnd(t, e).Jobs[1]; j.State != Saved {
		t.Errorf("an address leading to a page whose file is missing: %v %q", j.State, j.Message(time.Now()))
	}
}

func TestRemovalsAreKept(t *testing.T) {
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	var urls []string
	for i := range 6 {
		urls = append(urls, fmt.Sprintf("https://example.com/%d", i))
	}
	addAll(t, e, urls...)
	e.Remove(2, 5)
	e = reopen(t, e, cfg)
	var ids []int
	for _, j := range e.Snapshot().Jobs {
		ids = append(ids, j.ID)
	}
	if fmt.Sprint(ids) != "[1 3 4 6]" {
		t.Errorf("after reopening: %v", ids)
	}
	addAll(t, e, "https://example.com/new")
	if s := e.Snapshot(); s.Jobs[len(s.Jobs)-1].ID != 7 {
		t.Errorf("a new row reused an ID: %+v", s.Jobs[len(s.Jobs)-1])
	}
}

// TestADamagedListIsSetAside: a session.db that is not a list is renamed
// aside, a new list starts, and the person is told; saved files stay.
func TestADamagedListIsSetAside(t *testing.T) {
	cfg := testConfig(t)
	os.MkdirAll(filepath.Join(cfg.OutputDir, ".pagekeeper"), 0o700)
	os.WriteFile(filepath.Join(cfg.OutputDir, ".pagekeeper", "session.db"), []byte(strings.Repeat("not a database ", 400)), 0o600)
	e := newEngine(t, cfg)
	if n := e.Notice(); !strings.Contains(n, "set aside") {
		t.Errorf("notice %q", n)
	}
	aside, _ := filepath.Glob(filepath.Join(cfg.OutputDir, ".pagekeeper", "session.db.corrupt-*"))
	if len(aside) != 1 {
		t.Errorf("set aside: %v", aside)
	}
	addAll(t, e, "https://example.com/")
	if len(e.Snapshot().Jobs) != 1 {
		t.Error("the new list does not work")
	}
}

// TestAnotherFolderShowsItsOwnList: choosing another folder shows that
// folder's list, and coming back shows the first one again.
func TestAnotherFolderShowsItsOwnList(t *testing.T) {
	first, second := testConfig(t), testConfig(t)
	e := newEngine(t, first)
	addAll(t, e, "https://example.com/a", "https://example.com/b")
	v := e.Snapshot().Version
	if err := e.Reconfigure(second); err != nil {
		t.Fatal(err)
	}
	if c := e.Changes(v); !c.Full || len(c.Jobs) != 0 || c.List == 0 {
		t.Fatalf("the second folder's list: full %v, %d jobs", c.Full, len(c.Jobs))
	}
	addAll(t, e, "https://example.org/x")
	if err := e.Reconfigure(first); err != nil {
		t.Fatal(err)
	}
	s := e.Snapshot()
	if len(s.Jobs) != 2 || s.Jobs[1].URL != "https://example.com/b" {
		t.Errorf("back in the first folder: %+v", s.Jobs)
	}
}

// TestOddIntentLogIsRefused: a FIFO or a link where the intent log
// belongs gets a plain refusal when the folder is opened, never a hang
// and never a write through the link.
func TestOddIntentLogIsRefused(t *testing.T) {
	for name, plant := range map[string]func(path string) error{
		"fifo": mkfifo,
		"link": func(path string) error {
			target := filepath.Join(filepath.Dir(path), "elsewhere")
			os.WriteFile(target, []byte("keep me"), 0o600)
			return os.Symlink(target, path)
		},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(t)
			meta := filepath.Join(cfg.OutputDir, ".pagekeeper")
			os.Mkdir(meta, 0o700)
			if err := plant(filepath.Join(meta, intentsName)); err != nil {
				t.Skip(err)
			}
			e, err := New(cfg)
			if err == nil {
				e.Close()
				t.Fatal("a folder with an odd intent log was opened")
			}
			if !strings.Contains(err.Error(), "not what Pagekeeper made") {
				t.Errorf("error %q", err)
			}
			if b, _ := os.ReadFile(filepath.Join(meta, "elsewhere")); name == "link" && string(b) != "keep me" {
				t.Errorf("the link's target became %q", b)
			}
		})
	}
}
