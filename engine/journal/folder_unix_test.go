//go:build unix

package journal

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO at one of our names is refused; opening it would wait forever
// for a writer.
func fifoCases() []oddCase {
	fifo := func(name string) func(t *testing.T, meta string) {
		return func(t *testing.T, meta string) {
			must(t, syscall.Mkdir(meta, 0o700))
			must(t, syscall.Mkfifo(filepath.Join(meta, name), 0o600))
		}
	}
	return []oddCase{
		{"session.db is a FIFO", displayName(dbName), "a pipe", fifo(dbName)},
		{"session.db-shm is a FIFO", displayName(dbName + "-shm"), "a pipe", fifo(dbName + "-shm")},
		{"lock is a FIFO", displayName(lockName), "a pipe", fifo(lockName)},
	}
}

// Where SQLite refuses WAL (here a VFS without shared memory, as on a
// network share it cannot detect), the list falls back to a rollback
// journal and works.
func TestWALRefused(t *testing.T) {
	defer func(was string) { testVFS = was }(testVFS)
	testVFS = "unix-dotfile"
	dir := t.TempDir()
	j := mustOpen(t, dir)
	if j.st.mode != "delete" {
		t.Fatalf("journal mode %q where WAL is refused", j.st.mode)
	}
	var mode string
	must(t, j.st.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	if mode != "delete" {
		t.Fatalf("SQLite says journal_mode %q", mode)
	}
	j.Put(sample(1, 1))
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1)})
	mustClose(t, j)
}
