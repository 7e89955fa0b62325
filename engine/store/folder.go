package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"pagekeeper/engine/failure"
)

// TempDirName is the folder inside the output folder that holds files
// still being written; nothing in it has a final name. Each run has a
// folder of its own in it, locked while the run lives.
const TempDirName = ".pagekeeper-tmp"

// staleTemp is how old a loose temporary file (from versions before run
// folders) must be before it is removed.
const staleTemp = time.Hour

// Folder is one run's use of the output folder.
type Folder struct {
	path string
	root *os.Root
	run  string // this run's temporary folder, relative to root
	lock *flock.Flock

	mu      sync.Mutex      // the naming lock: two savers never pick one name
	taken   map[string]bool // fold keys of names placed or found in scanned folders
	scanned map[string]bool // folders whose existing names are in taken
	dirs    dirSyncer
	fsSync  *syncGroup // Linux: one syncfs for many files; nil elsewhere
	fsDir   *os.File   // what fsSync syncs through

	manifest *Manifest
	index    *indexWriter
}

// Open opens dir for a run: it checks it, makes the run's temporary
// folder, clears what crashed runs left and opens the manifest. It
// touches the disk: call it off any goroutine that must stay responsive.
func Open(dir string) (*Folder, error) {
	if err := Check(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, folderError(dir, err)
	}
	f := &Folder{path: dir, root: root, taken: map[string]bool{}, scanned: map[string]bool{}}
	f.fsSync, f.fsDir = openFSSync(root)
	f.dirs.init(root, f.fsSync)
	if err := f.makeRunDir(); err != nil {
		if f.fsDir != nil {
			f.fsDir.Close()
		}
		root.Close()
		return nil, folderError(dir, err)
	}
	f.removeStale()
	if f.manifest, err = openManifest(f); err != nil {
		f.Close(false)
		return nil, folderError(dir, err)
	}
	f.index = newIndexWriter(f)
	return f, nil
}

// Manifest is the folder's manifest.csv.
func (f *Folder) Manifest() *Manifest { return f.manifest }

// makeRunDir creates and locks this run's temporary folder. Another run
// may remove the shared parent between our two steps: try again then.
func (f *Folder) makeRunDir() error {
	var b [6]byte
	rand.Read(b[:])
	f.run = path.Join(TempDirName, "run-"+hex.EncodeToString(b[:]))
	var err error
	for range 5 {
		if err = f.ownedDir(TempDirName); err != nil {
			return err
		}
		if err = f.root.Mkdir(f.run, 0o755); err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	lf, err := f.root.OpenFile(path.Join(f.run, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	lf.Close()
	f.lock = flock.New(filepath.Join(f.path, filepath.FromSlash(f.run), "lock"))
	if ok, err := f.lock.TryLock(); err != nil || !ok {
		// Locking is not possible on some network disks; the run still
		// works, only its leftovers wait for the age rule.
		f.lock = nil
	}
	return nil
}

// removeStale removes what runs that are gone left: run folders whose lock
// nobody holds, and loose temporary files older than an hour.
func (f *Folder) removeStale() {
	entries, err := fs.ReadDir(f.root.FS(), TempDirName)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := path.Join(TempDirName, e.Name())
		switch {
		case e.IsDir() && strings.HasPrefix(e.Name(), "run-") && name != f.run:
			l := flock.New(filepath.Join(f.path, filepath.FromSlash(name), "lock"))
			if ok, err := l.TryLock(); err == nil && ok {
				f.root.RemoveAll(name)
				l.Unlock()
			}
		case e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".part"):
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTemp {
				f.root.Remove(name)
			}
		}
	}
}

// CreateTemp makes a new empty temporary file in the run's folder and
// returns it with its name relative to the output folder.
func (f *Folder) CreateTemp(prefix string) (*os.File, string, error) {
	var b [8]byte
	rand.Read(b[:])
	name := path.Join(f.run, prefix+"-"+hex.EncodeToString(b[:])+".part")
	file, err := f.root.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, "", failure.Disk(err)
	}
	return file, name, nil
}

// OpenTemp opens a temporary file made by CreateTemp to read it.
func (f *Folder) OpenTemp(name string) (*os.File, error) { return f.root.Open(name) }

// Remove removes a temporary file.
func (f *Folder) Remove(name string) { f.root.Remove(name) }

// Close ends the run's use of the folder: its temporary folder goes (only
// its own: another run's stays), and the manifest is closed. Every kept
// file was synced when placed; syncing the manifest as well can take long
// on a busy disk, so a stopped run, which must end at once, skips it.
func (f *Folder) Close(sync bool) {
	if f.index != nil {
		f.index.close()
	}
	if f.manifest != nil {
		f.manifest.close(sync)
	}
	if f.lock != nil {
		f.lock.Unlock()
	}
	if f.run != "" {
		f.root.RemoveAll(f.run)
		f.root.Remove(TempDirName) // only succeeds when no other run uses it
	}
	if f.fsDir != nil {
		f.fsDir.Close()
	}
	f.root.Close()
}
