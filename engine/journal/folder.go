package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// The names we own inside the output folder.
const (
	metaDir  = ".pagekeeper"
	dbName   = "session.db"
	lockName = "lock"
)

// dbCompanions are the files SQLite keeps beside session.db, by suffix.
var dbCompanions = []string{"-wal", "-shm", "-journal"}

// OddNameError refuses one of our names inside the folder that holds
// something Pagekeeper did not put there: a link, a folder, a FIFO.
type OddNameError struct {
	Name string // e.g. ".pagekeeper/session.db", with the system's separator
	What string // "a link", "a folder", ...
}

func (e *OddNameError) Error() string {
	return fmt.Sprintf("Pagekeeper cannot keep its list in this folder: %s is %s, not what Pagekeeper made there. Move it away, then try again.", e.Name, e.What)
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a link"
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a file"
	case m&fs.ModeNamedPipe != 0:
		return "a pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// displayName is name inside .pagekeeper as a person sees it.
func displayName(name string) string { return filepath.Join(metaDir, name) }

// ensureMetaDir makes dir/.pagekeeper if it is missing and refuses
// anything there that is not a real folder. It is private (0700): the
// list keeps addresses as they were added, logins included.
func ensureMetaDir(dir string) (string, error) {
	meta := filepath.Join(dir, metaDir)
	if err := os.Mkdir(meta, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", &Error{msg: diskWords(err, "Pagekeeper could not make its .pagekeeper folder in this folder. Check that the folder exists and that you may write in it."), Cause: err}
	}
	info, err := os.Lstat(meta)
	if err != nil {
		return "", &Error{msg: "Pagekeeper could not read its .pagekeeper folder in this folder. Check the folder, then try again.", Cause: err}
	}
	if !info.IsDir() || info.Mode()&fs.ModeSymlink != 0 {
		return "", &OddNameError{Name: metaDir, What: describeMode(info.Mode())}
	}
	return meta, nil
}

// checkOwned refuses anything at meta/name that is not a regular file;
// a missing file is fine.
func checkOwned(meta, name string) (fs.FileInfo, error) {
	info, err := os.Lstat(filepath.Join(meta, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{msg: "Pagekeeper could not read " + displayName(name) + " in this folder. Check the folder, then try again.", Cause: err}
	}
	if !info.Mode().IsRegular() {
		return nil, &OddNameError{Name: displayName(name), What: describeMode(info.Mode())}
	}
	return info, nil
}

// checkDBFiles refuses odd things at session.db and its companions before
// SQLite opens them: SQLite would follow a link and could wait forever
// reading a FIFO.
func checkDBFiles(meta string) error {
	if _, err := checkOwned(meta, dbName); err != nil {
		return err
	}
	for _, suffix := range dbCompanions {
		if _, err := checkOwned(meta, dbName+suffix); err != nil {
			return err
		}
	}
	return nil
}

// ownedFile opens meta/name (creating it with flag's O_CREATE) without
// following a link or blocking on a FIFO, and refuses anything that is not
// a regular file, also when it was swapped in between the checks.
func ownedFile(meta, name string, flag int) (*os.File, error) {
	before, err := checkOwned(meta, name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(meta, name), flag|openFlags, 0o600)
	if err != nil {
		return nil, err
	}
	after, err := f.Stat()
	if err == nil && (!after.Mode().IsRegular() || (before != nil && !os.SameFile(before, after))) {
		err = &OddNameError{Name: displayName(name), What: describeMode(after.Mode())}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// setAside renames a damaged session.db (and the files SQLite kept beside
// it) to session.db.corrupt-YYYYMMDD-HHMMSS, so a new list can start and
// the old one is still there for anyone who wants to look. It returns the
// new name.
func setAside(meta string, now time.Time) (string, error) {
	base := dbName + ".corrupt-" + now.Format("20060102-150405")
	name := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(filepath.Join(meta, name)); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = base + "-" + strconv.Itoa(n)
	}
	from := filepath.Join(meta, dbName)
	if err := os.Rename(from, filepath.Join(meta, name)); err != nil {
		return "", err
	}
	// The write-ahead log and rollback journal belong to the damaged file:
	// left in place, SQLite would apply them to the new one.
	for _, suffix := range []string{"-wal", "-journal"} {
		err := os.Rename(from+suffix, filepath.Join(meta, name+suffix))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	// The shared-memory index is rebuilt from the log; it holds nothing.
	if err := os.Remove(from + "-shm"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	return name, nil
}
