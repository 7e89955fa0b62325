package store

import (
	"fmt"
	"io/fs"
	"os"
)

// OddNameError refuses a name we own (manifest.csv, the temporary folder)
// that holds something we did not make there: a link, a folder, a FIFO.
type OddNameError struct {
	Dir, Name, What string
}

func (e *OddNameError) Error() string {
	return fmt.Sprintf("Pagekeeper cannot use %s: %s there is %s, not what Pagekeeper made. Move it away, then try again.", e.Dir, e.Name, e.What)
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a pipe"
	}
	return "a special file"
}

// openOwnedFile opens one of our own files without following a link and
// without ever blocking on a FIFO: anything but a regular file is refused.
func (f *Folder) openOwnedFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return openOwned(f.root, f.path, name, flag, perm)
}

// OpenOwned opens name, a file of Pagekeeper's own inside folder dir, as
// openOwnedFile does: for the engine's files beside the session list.
func OpenOwned(dir, name string, flag int, perm fs.FileMode) (*os.File, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return openOwned(root, dir, name, flag, perm)
}

func openOwned(root *os.Root, dir, name string, flag int, perm fs.FileMode) (*os.File, error) {
	before, err := root.Lstat(name)
	if err == nil && !before.Mode().IsRegular() {
		return nil, &OddNameError{Dir: dir, Name: name, What: describeMode(before.Mode())}
	}
	file, err := root.OpenFile(name, flag|oNonblock, perm)
	if err != nil {
		return nil, err
	}
	after, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if !after.Mode().IsRegular() || (before != nil && !os.SameFile(before, after)) {
		file.Close()
		return nil, &OddNameError{Dir: dir, Name: name, What: describeMode(after.Mode())}
	}
	return file, nil
}

// ownedDir makes sure name is a real folder of ours, creating it if it is
// missing; a link or anything else there is refused.
func (f *Folder) ownedDir(name string) error {
	info, err := f.root.Lstat(name)
	if err == nil {
		if !info.IsDir() || info.Mode()&fs.ModeSymlink != 0 {
			return &OddNameError{Dir: f.path, Name: name, What: describeMode(info.Mode())}
		}
		return nil
	}
	perm := fs.FileMode(0o755)
	if name == ".pagekeeper" {
		perm = 0o700 // the session list keeps logins inside addresses
	}
	if err := f.root.Mkdir(name, perm); err != nil && !os.IsExist(err) {
		return err
	}
	return nil
}
