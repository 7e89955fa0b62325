package journal

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// oddCase puts something odd in .pagekeeper (meta, not yet made) and
// says how it is shown.
type oddCase struct {
	name, shown, what string
	setup             func(t *testing.T, meta string)
}

// Something Pagekeeper did not make at one of its names is refused in
// plain words.
func TestOddNamesRefused(t *testing.T) {
	type setup = func(t *testing.T, meta string)
	mkMeta := func(t *testing.T, meta string) { must(t, os.Mkdir(meta, 0o700)) }
	link := func(name string) setup {
		return func(t *testing.T, meta string) {
			mkMeta(t, meta)
			target := filepath.Join(t.TempDir(), "elsewhere")
			must(t, os.WriteFile(target, nil, 0o600))
			if err := os.Symlink(target, filepath.Join(meta, name)); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
		}
	}
	folder := func(name string) setup {
		return func(t *testing.T, meta string) {
			mkMeta(t, meta)
			must(t, os.Mkdir(filepath.Join(meta, name), 0o700))
		}
	}
	cases := []oddCase{
		{".pagekeeper is a file", metaDir, "a file", func(t *testing.T, meta string) {
			must(t, os.WriteFile(meta, []byte("x"), 0o600))
		}},
		{".pagekeeper is a link", metaDir, "a link", func(t *testing.T, meta string) {
			target := t.TempDir()
			if err := os.Symlink(target, meta); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
		}},
		{"session.db is a folder", displayName(dbName), "a folder", folder(dbName)},
		{"session.db is a link", displayName(dbName), "a link", link(dbName)},
		{"session.db-wal is a link", displayName(dbName + "-wal"), "a link", link(dbName + "-wal")},
		{"session.db-journal is a folder", displayName(dbName + "-journal"), "a folder", folder(dbName + "-journal")},
		{"lock is a link", displayName(lockName), "a link", link(lockName)},
		{"lock is a folder", displayName(lockName), "a folder", folder(lockName)},
	}
	cases = append(cases, fifoCases()...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(t, filepath.Join(dir, metaDir))
			j, err := Open(dir)
			if err == nil {
				j.Close()
				t.Fatal("Open worked")
			}
			var odd *OddNameError
			if !errors.As(err, &odd) || odd.Name != c.shown || odd.What != c.what {
				t.Fatalf("Open: %v, want %s refused as %s", err, c.shown, c.what)
			}
			want := "Pagekeeper cannot keep its list in this folder: " + c.shown + " is " + c.what + ", not what Pagekeeper made there. Move it away, then try again."
			if err.Error() != want {
				t.Errorf("message %q\nwant    %q", err.Error(), want)
			}
		})
	}
}

// The list's folder is private: it holds addresses with their logins.
func TestMetaDirPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := t.TempDir()
	mustClose(t, mustOpen(t, dir))
	info, err := os.Stat(filepath.Join(dir, metaDir))
	must(t, err)
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf(".pagekeeper has permissions %v", perm)
	}
}

func TestMissingFolder(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "not there"))
	e := asJournalError(err)
	if e == nil || e.Error() != "Pagekeeper could not make its .pagekeeper folder in this folder. Check that the folder exists and that you may write in it." {
		t.Fatalf("Open of a missing folder: %v", err)
	}
}
