package engine

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"syscall"
	"time"

	"pagekeeper/engine/naming"
)

// tempDirName is the folder inside the output folder that holds files
// still being written; nothing in it has a final name.
const tempDirName = ".pagekeeper-tmp"

// staleTemp is how old a leftover temporary file must be before a new run
// removes it (it was left by a crash, not by another running copy).
const staleTemp = time.Hour

// outDir is the output folder of one run. Every path goes through an
// os.Root, so no name, however hostile, can reach outside the folder.
type outDir struct {
	path     string
	root     *os.Root
	manifest *manifest

	mu    sync.Mutex      // the naming lock: two savers never pick one name
	taken map[string]bool // fold keys of names this run has placed
}

// checkOutputDir creates dir if needed and proves we can write in it.
func checkOutputDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return folderError(dir, err)
	}
	f, err := os.CreateTemp(dir, ".pagekeeper-check-*")
	if err != nil {
		return folderError(dir, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// folderError explains why a folder cannot be used.
func folderError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("Pagekeeper may not write in %s. Choose another folder.", dir)
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s is a file, not a folder. Choose another folder.", dir)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("The disk holding %s is full.", dir)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%s is on a read-only disk. Choose another folder.", dir)
	}
	return fmt.Errorf("The folder %s cannot be used: %v", dir, err)
}

// diskError explains a failed write in plain words.
func diskError(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return errors.New("The disk is full: free some space and retry")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("Pagekeeper may not write in the output folder")
	case errors.Is(err, syscall.EROFS):
		return errors.New("The output folder is on a read-only disk")
	}
	return fmt.Errorf("The file could not be written: %v", err)
}

// openOutDir opens dir for a run, clearing temporary files a crash left.
func openOutDir(dir string) (*outDir, error) {
	if err := checkOutputDir(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, folderError(dir, err)
	}
	if err := root.MkdirAll(tempDirName, 0o755); err != nil {
		root.Close()
		return nil, folderError(dir, err)
	}
	o := &outDir{path: dir, root: root, taken: map[string]bool{}}
	o.removeStaleTemps()
	if o.manifest, err = openManifest(root); err != nil {
		root.Close()
		return nil, folderError(dir, err)
	}
	return o, nil
}

func (o *outDir) removeStaleTemps() {
	entries, err := fs.ReadDir(o.root.FS(), tempDirName)
	if err != nil {
		return
	}
	for _, e := range entries {
		info, err := e.Info()
		if err == nil && strings.HasSuffix(e.Name(), ".part") && time.Since(info.ModTime()) > staleTemp {
			o.root.Remove(path.Join(tempDirName, e.Name()))
		}
	}
}

// createTemp makes a new empty temporary file and returns it with its name
// relative to the output folder.
func (o *outDir) createTemp(prefix string) (*os.File, string, error) {
	var b [8]byte
	rand.Read(b[:])
	name := path.Join(tempDirName, prefix+"-"+hex.EncodeToString(b[:])+".part")
	f, err := o.root.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, "", diskError(err)
	}
	return f, name, nil
}

func (o *outDir) remove(name string) { o.root.Remove(name) }

// place gives the finished temporary file tmp its final name in folder:
// stem+ext, or "stem (2)"+ext and so on when taken. It never replaces an
// existing file: a hard link fails if the name exists, and where links are
// not supported the name is checked under the naming lock.
func (o *outDir) place(tmp, folder, stem, ext string) (string, error) {
	if err := o.root.MkdirAll(folder, 0o755); err != nil {
		return "", diskError(err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for n := 1; n < 100000; n++ {
		rel := path.Join(folder, naming.WithCounter(stem, ext, n))
		key := naming.FoldKey(rel)
		if o.taken[key] {
			continue
		}
		err := o.root.Link(tmp, rel)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// No hard links here (some USB and network disks): check, then rename.
			if _, statErr := o.root.Lstat(rel); statErr == nil {
				continue
			}
			if err := o.root.Rename(tmp, rel); err != nil {
				return "", diskError(err)
			}
		} else {
			o.root.Remove(tmp)
		}
		o.taken[key] = true
		o.syncDir(folder)
		return rel, nil
	}
	return "", errors.New("Too many files with the same name")
}

// syncDir makes a new name durable; best effort, not all systems allow it.
func (o *outDir) syncDir(folder string) {
	if d, err := o.root.Open(folder); err == nil {
		d.Sync()
		d.Close()
	}
}

// close ends the run's use of the folder. Every kept file was synced when
// written; syncing the manifest too can take long on a busy disk, so a
// stopped run, which must end at once, leaves that to the system.
func (o *outDir) close(sync bool) {
	o.manifest.close(sync)
	o.root.Remove(tempDirName) // only succeeds when empty
	o.root.Close()
}
