package store

import (
	"errors"
	"io/fs"
	"path"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/naming"
)

// ErrNameTaken: another program took a reserved name before the file
// could; reserve another.
var ErrNameTaken = errors.New("the name was taken meanwhile")

// Place gives the finished, synced temporary file tmp its final name in
// folder: stem+ext, or "stem (2)"+ext and so on when taken. It never
// replaces an existing file. It returns once the new name is durable too.
func (f *Folder) Place(tmp, folder, stem, ext string) (string, error) {
	for {
		rel, err := f.Reserve(folder, stem, ext)
		if err != nil {
			return "", err
		}
		if err := f.PlaceAt(tmp, rel); !errors.Is(err, ErrNameTaken) {
			return rel, err
		}
	}
}

// Reserve picks the name a file will get in folder (stem+ext, or "stem
// (2)"+ext and so on: never an existing name, nor one differing from it
// only by case) and keeps it for this run, so a caller can record the
// name before the file takes it: a crash between the two then leaves a
// record of a name, never a file nobody knows of.
func (f *Folder) Reserve(folder, stem, ext string) (string, error) {
	created, err := f.ensureDir(folder)
	if err != nil {
		return "", failure.Disk(err)
	}
	if created {
		parent := path.Dir(folder)
		f.dirs.placed(parent)
		f.dirs.durable(parent)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.scan(folder)
	for n := 1; n < 100000; n++ {
		rel := path.Join(folder, naming.WithCounter(stem, ext, n))
		key := naming.FoldKey(rel)
		if f.taken[key] {
			continue
		}
		if _, err := f.root.Lstat(rel); err == nil {
			f.taken[key] = true
			continue
		}
		f.taken[key] = true
		return rel, nil
	}
	return "", failure.New(failure.DiskError, errors.New("too many files with the same name"))
}

// PlaceAt gives tmp the reserved name rel and returns once the name is
// durable. It never replaces a file: if something took the name
// meanwhile (another program), tmp stays where it is and ErrNameTaken
// says to reserve another name.
func (f *Folder) PlaceAt(tmp, rel string) error {
	err := f.root.Link(tmp, rel)
	switch {
	case err == nil:
		f.root.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return ErrNameTaken
	default:
		// No hard links here (some USB and network disks): check, then
		// rename.
		if _, statErr := f.root.Lstat(rel); statErr == nil {
			return ErrNameTaken
		}
		if err := f.root.Rename(tmp, rel); err != nil {
			return failure.Disk(err)
		}
	}
	folder := path.Dir(rel)
	f.dirs.placed(folder)
	f.dirs.durable(folder)
	return nil
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
