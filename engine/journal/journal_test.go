package journal

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	if rows := mustLoad(t, j); len(rows) != 0 {
		t.Fatalf("a new list has %d rows", len(rows))
	}
	var want []Record
	for id := 1; id <= 50; id++ {
		r := sample(id, id%7)
		j.Put(r)
		want = append(want, r)
	}
	empty := sample(51, 1)
	empty.Files, empty.URL, empty.FinalURL = nil, "", ""
	j.Put(empty)
	want = append(want, empty)
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	sameRecords(t, mustLoad(t, j), want)
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
}

func TestRemoveKept(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	for id := 1; id <= 10; id++ {
		j.Put(sample(id, 1))
	}
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	j.Remove(3, 5)
	j.Put(sample(3, 2)) // a late state change of a removed row
	j.Put(sample(11, 1))
	j = reopen(t, j, dir)
	var want []Record
	for id := 1; id <= 11; id++ {
		if id != 3 && id != 5 {
			want = append(want, sample(id, 1))
		}
	}
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
}

func TestClear(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	for id := 1; id <= 10; id++ {
		j.Put(sample(id, 2))
	}
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	j.Put(sample(4, 3)) // pending when Clear comes: cleared too
	j.Remove(7)
	if err := j.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, ok := j.LastSaved(sample(2, 2).URL); ok {
		t.Error("LastSaved finds a row after Clear")
	}
	if rows := mustLoad(t, j); len(rows) != 0 {
		t.Fatalf("%d rows after Clear", len(rows))
	}
	// A fresh list starts its IDs again; a removed ID is no longer held back.
	j.Put(sample(7, 1))
	j.Put(sample(1, 1))
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1), sample(7, 1)})
	mustClose(t, j)
}

func TestLoadAfterChanges(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	j.Put(sample(1, 1))
	j.Put(sample(2, 1))
	j = reopen(t, j, dir)
	// Changes between Open and Load are in what Load returns.
	j.Put(sample(2, 2))
	j.Put(sample(3, 1))
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1), sample(2, 2), sample(3, 1)})
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1), sample(2, 2), sample(3, 1)})
	mustClose(t, j)
}

func TestLastSaved(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	at := func(min int) time.Time { return time.Date(2026, 11, 24, 14, min, 0, 0, time.Local) }
	old := Record{ID: 1, URL: "https://example.com/a", FinalURL: "https://example.com/a/", Files: []string{"example.com/a.html"}, Saved: at(2)}
	newer := Record{ID: 2, URL: "https://example.com/a", Files: []string{"example.com/a (2).html"}, Saved: at(5)}
	queued := Record{ID: 3, URL: "https://example.com/a"}
	other := Record{ID: 4, URL: "http://example.com/b", FinalURL: "https://example.com/a/", Saved: at(9)}
	for _, r := range []Record{old, newer, queued} {
		j.Put(r)
	}
	check := func(url string, want Record, found bool) {
		t.Helper()
		got, ok := j.LastSaved(url)
		if ok != found || (found && (got.ID != want.ID || !got.Saved.Equal(want.Saved))) {
			t.Errorf("LastSaved(%q) = %d %v, %v; want %d %v, %v", url, got.ID, got.Saved, ok, want.ID, want.Saved, found)
		}
	}
	check("https://example.com/a", newer, true)
	check("https://example.com/a/", old, true) // by final address
	check("https://example.com/c", Record{}, false)
	j.Put(other)
	check("https://example.com/a/", other, true)

	j = reopen(t, j, dir) // served the same after a restart
	check("https://example.com/a", newer, true)
	check("https://example.com/a/", other, true)

	j.Remove(2)
	check("https://example.com/a", old, true)
	other.Saved = time.Time{} // fetched again: no longer saved
	j.Put(other)
	check("https://example.com/a/", old, true)
	check("http://example.com/b", Record{}, false)
	old.FinalURL = "https://example.com/z" // redirected elsewhere this time
	j.Put(old)
	check("https://example.com/a/", Record{}, false)
	check("https://example.com/z", old, true)
	got, _ := j.LastSaved("https://example.com/z")
	sameRecords(t, []Record{got}, []Record{old})
	mustClose(t, j)
}

func TestAfterClose(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	j.Put(sample(1, 1))
	mustClose(t, j)
	mustClose(t, j) // twice is harmless
	j.Put(sample(2, 1))
	j.Remove(1)
	if err := j.Flush(); err != errClosed {
		t.Errorf("Flush after Close: %v", err)
	}
	if err := j.Clear(); err != errClosed {
		t.Errorf("Clear after Close: %v", err)
	}
	if _, err := j.Load(); err == nil {
		t.Error("Load after Close worked")
	}
	j = mustOpen(t, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1)})
	mustClose(t, j)
}

func TestWALAndFullSync(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	defer mustClose(t, j)
	var mode string
	var sync, timeout int
	if err := j.st.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := j.st.db.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if err := j.st.db.QueryRow(`PRAGMA busy_timeout`).Scan(&timeout); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || j.st.mode != "wal" || sync != 2 || timeout != int(busyTimeout.Milliseconds()) {
		t.Errorf("journal_mode %s (%s), synchronous %d, busy_timeout %d; want wal, 2 (FULL), %d", mode, j.st.mode, sync, timeout, busyTimeout.Milliseconds())
	}
}

// On a network share the list uses a rollback journal from the start.
func TestNetworkShareUsesRollbackJournal(t *testing.T) {
	defer func(was func(string) bool) { networkShare = was }(networkShare)
	networkShare = func(string) bool { return true }
	dir := t.TempDir()
	j := mustOpen(t, dir)
	if j.st.mode != "delete" {
		t.Fatalf("journal mode %q on a network share", j.st.mode)
	}
	j.Put(sample(1, 1))
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(dir, metaDir, dbName+"-wal")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a write-ahead log on a network share: %v", err)
	}
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1)})
	mustClose(t, j)
}

func TestFolderNamesWithURISyntax(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%20d é")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	j := mustOpen(t, dir)
	j.Put(sample(1, 1))
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1)})
	mustClose(t, j)
	if _, err := os.Stat(filepath.Join(dir, metaDir, dbName)); err != nil {
		t.Fatalf("the list is not in the folder: %v", err)
	}
}

// Workers changing rows, flushing and looking up at once, as the engine's
// pools would (run with -race).
func TestConcurrentUse(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for v := 1; v <= 300; v++ {
				for id := w*25 + 1; id <= w*25+25; id++ {
					j.Put(sample(id, v))
				}
				if v%50 == 0 {
					if err := j.Flush(); err != nil {
						t.Error(err)
					}
				}
				j.LastSaved(sample(w*25+1, v).URL)
			}
		})
	}
	wg.Wait()
	j = reopen(t, j, dir)
	var want []Record
	for id := 1; id <= 100; id++ {
		want = append(want, sample(id, 300))
	}
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
}
