package store

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func open(t *testing.T, dir string) *Folder {
	t.Helper()
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func readRows(t *testing.T, dir string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("manifest is not valid CSV: %v", err)
	}
	return rows
}

// TestManifestRowsStayWhole: two runs (two Folders, as two processes would
// have) write long rows at once; every row comes out whole.
func TestManifestRowsStayWhole(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	long := strings.Repeat("a,b\"c ", 20000) // 120 KB, quotes and commas
	var wg sync.WaitGroup
	for w, f := range []*Folder{a, b, a, b} {
		wg.Go(func() {
			for i := range 50 {
				if _, err := f.Manifest().Add(Row{ID: i, Address: fmt.Sprintf("https://x/%d/%d?%s", w, i, long), State: "Saved", Time: time.Now()}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	a.Close(true)
	b.Close(true)
	rows := readRows(t, dir)
	if len(rows) != 201 {
		t.Fatalf("%d rows, want the header and 200", len(rows))
	}
	for _, r := range rows[1:] {
		if len(r) != len(ManifestHeader) || !strings.HasSuffix(r[0], long) {
			t.Fatalf("a row was cut or mixed: %d fields", len(r))
		}
	}
}

// TestManifestRowsAreRetried: a row that cannot be written is tried again
// before the next one, and the caller learns which rows made it.
func TestManifestRowsAreRetried(t *testing.T) {
	dir := t.TempDir()
	f := open(t, dir)
	defer f.Close(false)
	m := f.Manifest()
	good := m.file
	ro, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m.file = ro // writes now fail, as on a disk gone read-only
	if listed, err := m.Add(Row{ID: 1, Address: "https://x/1", State: "Saved"}); err == nil || len(listed) != 0 {
		t.Fatalf("a failed write: listed %v, err %v", listed, err)
	}
	ro.Close()
	m.file = good
	listed, err := m.Add(Row{ID: 2, Address: "https://x/2", State: "Saved"})
	if err != nil || fmt.Sprint(listed) != "[1 2]" {
		t.Fatalf("listed %v, err %v", listed, err)
	}
	if rows := readRows(t, dir); len(rows) != 3 || rows[1][0] != "https://x/1" {
		t.Errorf("rows %v", rows)
	}
}

// TestRunsKeepTheirOwnTemporaryFolders: a run's temporary folder lives
// while the run does; closing one run leaves another's alone; a folder
// left by a crashed run (its lock free) goes at the next start.
func TestRunsKeepTheirOwnTemporaryFolders(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	fa, nameA, err := a.CreateTemp("x")
	if err != nil {
		t.Fatal(err)
	}
	fa.Close()
	fb, nameB, _ := b.CreateTemp("x")
	fb.Close()
	a.Close(true)
	if _, err := os.Stat(filepath.Join(dir, nameA)); !os.IsNotExist(err) {
		t.Errorf("a closed run left its file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, nameB)); err != nil {
		t.Errorf("closing one run removed the other's file: %v", err)
	}
	// A crash: b's folder stays, its lock is released by the dying process.
	b.lock.Unlock()
	b.lock = nil
	b.run = ""
	b.Close(true)
	crashed := filepath.Join(dir, path.Dir(nameB))
	held := filepath.Join(dir, TempDirName, "run-held")
	os.MkdirAll(held, 0o755)
	lock := flock.New(filepath.Join(held, "lock"))
	if ok, err := lock.TryLock(); !ok || err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	c := open(t, dir)
	defer c.Close(true)
	if _, err := os.Stat(crashed); !os.IsNotExist(err) {
		t.Errorf("a crashed run's folder stayed: %v", err)
	}
	if _, err := os.Stat(held); err != nil {
		t.Errorf("a live run's folder was removed: %v", err)
	}
}

// TestPlaceNeverOverwrites: names are taken in turn, case-insensitively,
// and an existing file is never replaced.
func TestPlaceNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "site"), 0o755)
	os.WriteFile(filepath.Join(dir, "site", "page.html"), []byte("older"), 0o644)
	f := open(t, dir)
	defer f.Close(true)
	var names []string
	for i, stem := range []string{"page", "Page", "page"} {
		file, tmp, err := f.CreateTemp("t")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(file, "new %d", i)
		file.Close()
		rel, err := f.Place(tmp, "site", stem, ".html")
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, rel)
	}
	if fmt.Sprint(names) != "[site/page (2).html site/Page (3).html site/page (4).html]" {
		t.Errorf("names %v", names)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "site", "page.html")); string(b) != "older" {
		t.Errorf("an older file was replaced: %q", b)
	}
}

// TestDirSyncsAreShared: many names placed in one folder at once share
// folder syncs instead of taking one each.
func TestDirSyncsAreShared(t *testing.T) {
	dir := t.TempDir()
	f := open(t, dir)
	defer f.Close(true)
	f.dirs.group = nil // folder by folder, as where no filesystem sync serves
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			file, tmp, err := f.CreateTemp("t")
			if err != nil {
				t.Error(err)
				return
			}
			file.Close()
			if _, err := f.Place(tmp, "site", fmt.Sprintf("p%d", i), ".html"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	st := f.dirs.dirs["site"]
	if st.synced != st.placed || st.placed != 64 {
		t.Errorf("placed %d, synced %d", st.placed, st.synced)
	}
}

// TestPlaceAtATakenName: a name another program took after it was
// reserved is not replaced; the file stays where it is for the next name.
func TestPlaceAtATakenName(t *testing.T) {
	dir := t.TempDir()
	f := open(t, dir)
	defer f.Close(true)
	rel, err := f.Reserve("site", "page", ".html")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte("theirs"), 0o644)
	file, tmp, err := f.CreateTemp("t")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(file, "ours")
	file.Close()
	if err := f.PlaceAt(tmp, rel); err != ErrNameTaken {
		t.Fatalf("PlaceAt on a taken name: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel))); string(b) != "theirs" {
		t.Errorf("the other program's file became %q", b)
	}
	next, err := f.Reserve("site", "page", ".html")
	if err != nil || next == rel {
		t.Fatalf("next name %q, %v", next, err)
	}
	if err := f.PlaceAt(tmp, next); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(next))); string(b) != "ours" {
		t.Errorf("%s holds %q", next, b)
	}
}
