package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"

	"github.com/gofrs/flock"
)

// pidOffset is where the holder's process ID starts in the lock file.
// On Windows the lock (LockFileEx on byte 0) forbids every other handle,
// ours included, to read or write that byte, so the ID lives after it.
const pidOffset = 1

// pidWidth is the room for the ID: it is padded with spaces, so a shorter
// ID overwrites a longer one without truncating a locked file.
const pidWidth = 20

// folderLock is the lock that keeps a second Pagekeeper out of a folder.
type folderLock struct {
	meta string
	fl   *flock.Flock
}

// lockFolder takes meta/lock at once or reports who holds it. A lock file
// left by a process that crashed is not held by anyone (the system drops
// the lock with the process), so it is simply taken over.
func lockFolder(meta string) (*folderLock, error) {
	if _, err := checkOwned(meta, lockName); err != nil {
		return nil, err
	}
	fl := flock.New(filepath.Join(meta, lockName),
		flock.SetFlag(os.O_CREATE|os.O_RDWR|openFlags), flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err != nil {
		if _, odd := checkOwned(meta, lockName); odd != nil {
			return nil, odd
		}
		return nil, &Error{msg: diskWords(err, "Pagekeeper could not lock this folder for its list. Check the folder, then try again."), Cause: err}
	}
	if !ok {
		return nil, &InUseError{PID: readPID(meta)}
	}
	l := &folderLock{meta: meta, fl: fl}
	// The lock was opened by name; make sure it is our regular file and
	// not something swapped in between the check and the open.
	if _, err := checkOwned(meta, lockName); err != nil {
		fl.Unlock()
		return nil, err
	}
	if info, err := fl.Stat(); err != nil || !info.Mode().IsRegular() {
		fl.Unlock()
		return nil, &OddNameError{Name: displayName(lockName), What: "a special file"}
	}
	// Without the ID, a second Pagekeeper still learns the folder is in use.
	_ = l.writePID(os.Getpid())
	return l, nil
}

// writePID records pid in the lock file; 0 clears it.
func (l *folderLock) writePID(pid int) error {
	f, err := ownedFile(l.meta, lockName, os.O_WRONLY)
	if err != nil {
		return err
	}
	field := bytes.Repeat([]byte{' '}, pidWidth)
	if pid > 0 {
		copy(field, strconv.Itoa(pid))
	}
	field = append(field, '\n')
	_, err = f.WriteAt(field, pidOffset)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readPID is the process ID the holder wrote, or 0 if it cannot be read.
func readPID(meta string) int {
	f, err := ownedFile(meta, lockName, os.O_RDONLY)
	if err != nil {
		return 0
	}
	defer f.Close()
	buf := make([]byte, pidWidth+1)
	n, _ := f.ReadAt(buf, pidOffset)
	pid, err := strconv.Atoi(string(bytes.Trim(buf[:n], " \n\r\t\x00")))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// release clears the ID and drops the lock. The file stays: removing it
// could let two processes lock two different files of the same name.
func (l *folderLock) release() error {
	_ = l.writePID(0)
	return l.fl.Unlock()
}
