package journal

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// openSoon opens dir; Open must answer while the other process still holds
// the folder, never wait for it to let go.
func openSoon(t *testing.T, dir string) (*Journal, error) {
	t.Helper()
	type result struct {
		j   *Journal
		err error
	}
	done := make(chan result, 1)
	go func() {
		j, err := Open(dir)
		done <- result{j, err}
	}()
	select {
	case r := <-done:
		return r.j, r.err
	case <-time.After(time.Minute): // a guard against a hang, not a measure
		t.Fatal("Open waited for the other Pagekeeper to let go of the folder")
		return nil, nil
	}
}

func TestInUseByAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	h := startHelper(t, "hold", dir)
	h.ready(t)

	j, err := openSoon(t, dir)
	if err == nil {
		j.Close()
		t.Fatal("Open took a folder another process holds")
	}
	var inUse *InUseError
	if !errors.As(err, &inUse) || !errors.Is(err, ErrInUse) {
		t.Fatalf("Open: %v, want an InUseError", err)
	}
	if inUse.PID != h.PID {
		t.Errorf("PID %d, want the helper's %d", inUse.PID, h.PID)
	}
	want := "This folder is in use by another Pagekeeper (process " + itoa(h.PID) + ")."
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}

	h.finish(t)
	j = mustOpen(t, dir)
	mustClose(t, j)
}

func TestInUseInThisProcess(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	_, err := Open(dir)
	var inUse *InUseError
	if !errors.As(err, &inUse) || inUse.PID != os.Getpid() {
		t.Fatalf("second Open: %v, want in use by process %d", err, os.Getpid())
	}
	mustClose(t, j)
	// Released on Close, with the ID cleared.
	if pid := readPID(filepath.Join(dir, metaDir)); pid != 0 {
		t.Errorf("the lock file still names process %d after Close", pid)
	}
	mustClose(t, mustOpen(t, dir))
}

func TestInUseMessageWithoutPID(t *testing.T) {
	if got, want := (&InUseError{}).Error(), "This folder is in use by another Pagekeeper."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// A crashed Pagekeeper leaves its lock file, with its process ID, but the
// system dropped the lock with the process: the folder is taken over.
func TestStaleLockTakenOver(t *testing.T) {
	dir := t.TempDir()
	h := startHelper(t, "hold", dir)
	h.ready(t)
	h.kill(t)
	if pid := readPID(filepath.Join(dir, metaDir)); pid != h.PID {
		t.Fatalf("the crashed helper's lock file names %d, want %d", pid, h.PID)
	}
	j, err := openSoon(t, dir)
	if err != nil {
		t.Fatalf("Open after a crash: %v", err)
	}
	if pid := readPID(filepath.Join(dir, metaDir)); pid != os.Getpid() {
		t.Errorf("the lock file names %d, want this process %d", pid, os.Getpid())
	}
	mustClose(t, j)
}
