package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
)

// tinyDisk mounts a 256 KiB file system for the test, so a full disk is
// real rather than pretended. It needs root (CI runs as root).
func tinyDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k"); err != nil {
		t.Skipf("cannot mount a small file system here (%v); run as root to test a full disk", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

// TestFullDiskFailsClearlyAndKeepsTheRest: pages that do not fit fail with
// a message a person understands and leave no temporary file; the small
// page still fits and is saved.
func TestFullDiskFailsClearlyAndKeepsTheRest(t *testing.T) {
	dir := tinyDisk(t)
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.OutputDir = filepath.Join(dir, "out")
	cfg.DownloadWorkers = 1 // one at a time, so the small page is saved first
	cfg.MemoryLimit = 128 << 10
	e := newEngine(t, cfg)
	small := srv.URLFor("/small", enginetest.Knobs{Size: 10 << 10})
	inMemory := srv.URLFor("/in-memory", enginetest.Knobs{Size: 80 << 10, BodyPath: "/a"})
	spilled := srv.URLFor("/spilled", enginetest.Knobs{Size: 1 << 20})
	addAll(t, e, small, inMemory, inMemory+"&v=2", inMemory+"&v=3", inMemory+"&v=4", spilled)
	s := runToEnd(t, e)
	jobs := byURL(s)
	if j := jobs[small]; j.State != Saved {
		t.Errorf("the small page: %+v", j)
	}
	if j := jobs[spilled]; j.State != Failed || !strings.Contains(j.Message(time.Now()), "The disk is full") {
		t.Errorf("a page too large for the disk: %+v", j)
	}
	full := 0
	for _, j := range s.Jobs {
		if j.State == Failed {
			full++
			if !strings.Contains(j.Message(time.Now()), "The disk is full") {
				t.Errorf("failed with %q", j.Message(time.Now()))
			}
		}
	}
	if full < 2 {
		t.Errorf("only %d pages met the full disk: %v", full, s.Totals.Counts)
	}
	if l := leftovers(t, cfg.OutputDir); len(l) != 0 {
		t.Errorf("temporary files left on the full disk: %v", l)
	}
}

// TestAFolderTurningReadOnlyMidRun: the folder stops taking new files
// while pages are saved (its folders made immutable, which stops even
// root). What was saved stays; the rest fails with words that say why;
// the run ends cleanly; it all works again once the folder is writable.
func TestAFolderTurningReadOnlyMidRun(t *testing.T) {
	if _, err := exec.LookPath("chattr"); err != nil || os.Geteuid() != 0 {
		t.Skip("needs chattr and root to make a folder read-only for root")
	}
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1
	e := newEngine(t, cfg)
	addAll(t, e, srv.Paths(60, enginetest.Knobs{Size: 8000, Drip: 2 * time.Millisecond, DripChunk: 1000})...)
	if err := e.Start(t.Context(), FinishWhenDone()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, e, "some pages saved", func(s Snapshot) bool { return s.Totals.Counts[Saved] >= 5 })
	var dirs []string
	filepath.WalkDir(cfg.OutputDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	immutable := func(flag string) {
		for _, d := range dirs {
			if _, err := os.Stat(d); err == nil {
				if out, err := exec.Command("chattr", flag, d).CombinedOutput(); err != nil {
					t.Logf("chattr %s: %v %s", flag, err, out)
				}
			}
		}
	}
	immutable("+i")
	t.Cleanup(func() { immutable("-i") })
	waitDone(t, e)
	s := e.Snapshot()
	saved := 0
	for _, j := range s.Jobs {
		switch j.State {
		case Saved:
			saved++
			if _, err := os.Stat(filepath.Join(cfg.OutputDir, j.SavedPath)); err != nil {
				t.Errorf("a saved page is gone: %v", err)
			}
		case Failed:
			if !strings.Contains(j.Message(time.Now()), "may not write in the output folder") {
				t.Errorf("failed with %q", j.Message(time.Now()))
			}
		default:
			t.Errorf("job %d ended %v", j.ID, j.State)
		}
	}
	if saved < 5 || s.Totals.Counts[Failed] == 0 {
		t.Errorf("counts %v", s.Totals.Counts)
	}
	t.Logf("counts %v; list problem %q", s.Totals.Counts, s.ListProblem)
	immutable("-i")
	var failed []int
	for _, j := range s.Jobs {
		if j.State == Failed {
			failed = append(failed, j.ID)
		}
	}
	e.Retry(failed...)
	if s := runToEnd(t, e); s.Totals.Counts[Saved] != 60 {
		t.Errorf("once writable again: %v", s.Totals.Counts)
	}
}
