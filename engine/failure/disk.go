package failure

import (
	"errors"
	"io/fs"
	"syscall"
)

// Disk is the failure for an error writing a file: a full disk, a folder
// we may not write in, a read-only disk, or any other write error.
func Disk(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), isDiskFullWindows(err):
		return New(DiskFull, err)
	case errors.Is(err, fs.ErrPermission):
		return New(NoPermission, err)
	case errors.Is(err, syscall.EROFS):
		return New(ReadOnlyDisk, err)
	}
	return New(DiskError, err)
}

// isDiskFullWindows recognises ERROR_DISK_FULL (112) and
// ERROR_HANDLE_DISK_FULL (39), which Windows reports instead of ENOSPC.
func isDiskFullWindows(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == 112 || errno == 39) && isWindows
}
