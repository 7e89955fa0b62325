package store

import (
	"errors"
	"io/fs"
	"path"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/naming"
)

// Place gives the finished, synced temporary file tmp its final name in
// folder: stem+ext, or "stem (2)"+ext and so on when taken. It never
// replaces an existing file: a hard link fails if the name exists, and
// where links are not supported the name is checked under the naming lock.
// It returns once the new name is durable too: the folder is synced, once
// for all the files placed in it meanwhile, outside the naming lock.
func (f *Folder) Place(tmp, folder, stem, ext string) (string, error) {
	created, err := f.ensureDir(folder)
	if err != nil {
		return "", failure.Disk(err)
	}
	rel, err := f.link(tmp, folder, stem, ext)
	if err != nil {
		return "", err
	}
	if created {
		parent := path.Dir(folder)
		f.dirs.placed(parent)
		f.dirs.durable(parent)
	}
	f.dirs.durable(folder)
	return rel, nil
}

// ensureDir makes folder and reports whether it had to.
func (f *Folder) ensureDir(folder string) (bool, error) {
	if info, err := f.root.Stat(folder); err == nil && info.IsDir() {
		return false, nil
	}
	if err := f.root.MkdirAll(folder, 0o755); err != nil {
		return false, err
	}
	return true, nil
}

func (f *Folder) link(tmp, folder, stem, ext string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.scan(folder)
	for n := 1; n < 100000; n++ {
		rel := path.Join(folder, naming.WithCounter(stem, ext, n))
		key := naming.FoldKey(rel)
		if f.taken[key] {
			continue
		}
		err := f.root.Link(tmp, rel)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// No hard links here (some USB and network disks): check, then rename.
			if _, statErr := f.root.Lstat(rel); statErr == nil {
				continue
			}
			if err := f.root.Rename(tmp, rel); err != nil {
				return "", failure.Disk(err)
			}
		} else {
			f.root.Remove(tmp)
		}
		f.taken[key] = true
		f.dirs.placed(folder)
		return rel, nil
	}
	return "", failure.New(failure.DiskError, errors.New("too many files with the same name"))
}

// scan notes, once per run and folder, the names already in folder, so a
// new name never differs from an old one only by case (the folder must
// survive a copy to Windows or macOS). Callers hold f.mu.
func (f *Folder) scan(folder string) {
	if f.scanned[folder] {
		return
	}
	f.scanned[folder] = true
	entries, err := fs.ReadDir(f.root.FS(), folder)
	if err != nil {
		return
	}
	for _, e := range entries {
		f.taken[naming.FoldKey(path.Join(folder, e.Name()))] = true
	}
}
