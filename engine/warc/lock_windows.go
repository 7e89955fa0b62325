//go:build windows

package warc

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

var procLockFileEx = syscall.NewLazyDLL("kernel32.dll").NewProc("LockFileEx")

const (
	lockfileFailImmediately = 0x1
	lockfileExclusiveLock   = 0x2
	errorLockViolation      = syscall.Errno(33)
)

// tryLock takes an exclusive lock on f's first byte without waiting. It
// reports false when another handle holds it: that file is being written
// and must be left alone. The lock ends when f is closed or the process
// dies.
func tryLock(f *os.File) (bool, error) {
	conn, err := f.SyscallConn()
	if err != nil {
		return false, err
	}
	var lockErr error
	err = conn.Control(func(fd uintptr) {
		var ol syscall.Overlapped
		r, _, e := procLockFileEx.Call(fd, lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
		if r == 0 {
			lockErr = e
		}
	})
	if err != nil {
		return false, err
	}
	if errors.Is(lockErr, errorLockViolation) {
		return false, nil
	}
	return lockErr == nil, lockErr
}
