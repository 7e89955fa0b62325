package engine

import (
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
