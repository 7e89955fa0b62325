package journal

import (
	"bytes"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// listFile is session.db's path in dir.
func listFile(dir string) string { return filepath.Join(dir, metaDir, dbName) }

// writeList puts n rows in dir's list and closes it.
func writeList(t *testing.T, dir string, n int) {
	t.Helper()
	j := mustOpen(t, dir)
	for id := 1; id <= n; id++ {
		j.Put(sample(id, 1))
	}
	mustClose(t, j)
}

var noticePattern = regexp.MustCompile(`^The list in this folder was damaged; it was set aside as (\.pagekeeper[/\\]session\.db\.corrupt-\d{8}-\d{6}(-\d+)?) and a new list started\. Saved pages are not affected\.$`)

// openDamaged opens dir, whose list is damaged, and checks the list was
// set aside whole (the bytes it had) and a new, working one started.
func openDamaged(t *testing.T, dir string) {
	t.Helper()
	damagedBytes, err := os.ReadFile(listFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	j, err := Open(dir)
	if err != nil {
		t.Fatalf("Open of a damaged list: %v", err)
	}
	m := noticePattern.FindStringSubmatch(j.Notice())
	if m == nil {
		j.Close()
		t.Fatalf("notice %q", j.Notice())
	}
	aside, err := os.ReadFile(filepath.Join(dir, m[1]))
	if err != nil || !bytes.Equal(aside, damagedBytes) {
		t.Errorf("the damaged list was not set aside as it was: %v", err)
	}
	if rows := mustLoad(t, j); len(rows) != 0 {
		t.Errorf("the new list has %d rows", len(rows))
	}
	j.Put(sample(1, 1))
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1)})
	mustClose(t, j)
}

func TestDamagedList(t *testing.T) {
	damage := map[string]func(t *testing.T, path string){
		"garbage": func(t *testing.T, path string) {
			junk := make([]byte, 8192)
			for i := range junk {
				junk[i] = byte(rand.N(256))
			}
			must(t, os.WriteFile(path, junk, 0o600))
		},
		"not SQLite": func(t *testing.T, path string) {
			must(t, os.WriteFile(path, []byte("These are my notes, not a database.\n"), 0o600))
		},
		"truncated": func(t *testing.T, path string) {
			info, err := os.Stat(path)
			must(t, err)
			must(t, os.Truncate(path, info.Size()/2))
		},
		"header only": func(t *testing.T, path string) {
			must(t, os.Truncate(path, 100))
		},
		"pages overwritten": func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			must(t, err)
			defer f.Close()
			_, err = f.WriteAt(bytes.Repeat([]byte{0xa5}, 3*4096), 4096)
			must(t, err)
		},
		"another program's database": func(t *testing.T, path string) {
			must(t, os.Remove(path))
			db, err := sql.Open("sqlite", path)
			must(t, err)
			defer db.Close()
			_, err = db.Exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')`)
			must(t, err)
		},
		"a Pagekeeper list without its table": func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			must(t, err)
			defer db.Close()
			_, err = db.Exec(`DROP TABLE job`)
			must(t, err)
		},
	}
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeList(t, dir, 2000)
			spoil(t, listFile(dir))
			openDamaged(t, dir)
		})
	}
}

// The write-ahead log of a damaged list goes aside with it (applied to
// the new list, a log would bring back pages of the old one), and its
// shared-memory index is removed.
func TestDamagedListWithLog(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, metaDir), 0o700))
	junk := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rand.N(256))
		}
		return b
	}
	wal := junk(5000)
	must(t, os.WriteFile(listFile(dir), junk(8192), 0o600))
	must(t, os.WriteFile(listFile(dir)+"-wal", wal, 0o600))
	must(t, os.WriteFile(listFile(dir)+"-shm", junk(32768), 0o600))

	openDamaged(t, dir)
	matches, _ := filepath.Glob(filepath.Join(dir, metaDir, dbName+".corrupt-*-wal"))
	if len(matches) != 1 {
		t.Fatalf("the log was not set aside with the list: %v", matches)
	}
	if got, _ := os.ReadFile(matches[0]); !bytes.Equal(got, wal) {
		t.Error("the log set aside is not the one that was there")
	}
	matches, _ = filepath.Glob(filepath.Join(dir, metaDir, dbName+".corrupt-*-shm"))
	if len(matches) != 0 {
		t.Errorf("the shared-memory index was kept: %v", matches)
	}
}

// Two lists damaged within the same second get two names.
func TestDamagedTwice(t *testing.T) {
	dir := t.TempDir()
	for range 2 {
		must(t, os.MkdirAll(filepath.Join(dir, metaDir), 0o700))
		must(t, os.WriteFile(listFile(dir), []byte(strings.Repeat("junk ", 1000)), 0o600))
		j, err := Open(dir)
		must(t, err)
		if j.Notice() == "" {
			t.Fatal("no notice")
		}
		mustClose(t, j)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, metaDir, dbName+".corrupt-*"))
	if len(matches) != 2 {
		t.Fatalf("set aside as %v, want two names", matches)
	}
}

// An empty file (a crash before SQLite wrote its first page) is a new,
// empty list, not a damaged one.
func TestEmptyFileIsNewList(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, metaDir), 0o700))
	must(t, os.WriteFile(listFile(dir), nil, 0o600))
	j := mustOpen(t, dir)
	if rows := mustLoad(t, j); len(rows) != 0 {
		t.Fatalf("%d rows", len(rows))
	}
	mustClose(t, j)
}

// A list from a newer Pagekeeper is not damaged: it is left alone and
// the person is told why it cannot be opened.
func TestNewerList(t *testing.T) {
	dir := t.TempDir()
	writeList(t, dir, 3)
	db, err := sql.Open("sqlite", listFile(dir))
	must(t, err)
	_, err = db.Exec(`PRAGMA user_version = ` + itoa(schemaVersion+1))
	must(t, err)
	must(t, db.Close())
	before, err := os.ReadFile(listFile(dir))
	must(t, err)

	j, err := Open(dir)
	if err == nil {
		j.Close()
		t.Fatal("Open of a newer list worked")
	}
	if err != errNewer {
		t.Fatalf("Open: %v, want %v", err, errNewer)
	}
	after, _ := os.ReadFile(listFile(dir))
	if !bytes.Equal(before, after) {
		t.Error("the newer list was changed")
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, metaDir, dbName+".corrupt-*")); len(matches) != 0 {
		t.Errorf("the newer list was set aside: %v", matches)
	}
	// The folder was released.
	_, err = Open(dir)
	if err != errNewer {
		t.Fatalf("second Open: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
