package journal

import (
	"errors"
	"io/fs"
	"strconv"
	"syscall"

	"modernc.org/sqlite"
)

// ErrInUse is what errors.Is finds in an InUseError.
var ErrInUse = errors.New("This folder is in use by another Pagekeeper.")

// InUseError says another Pagekeeper (a window or the command line, in any
// process) holds the folder's lock.
type InUseError struct {
	// PID is the process that holds the folder, as it wrote it in the lock
	// file; 0 when it is not known.
	PID int
}

func (e *InUseError) Error() string {
	if e.PID <= 0 {
		return ErrInUse.Error()
	}
	return "This folder is in use by another Pagekeeper (process " + strconv.Itoa(e.PID) + ")."
}

// Is makes errors.Is(err, ErrInUse) true.
func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// Error is any other failure of the journal, in words a person can read;
// Cause is the underlying error, for logs only.
type Error struct {
	msg   string
	Cause error
}

func (e *Error) Error() string { return e.msg }

// Unwrap is the cause.
func (e *Error) Unwrap() error { return e.Cause }

// errClosed is what Flush and Clear report after Close.
var errClosed = &Error{msg: "The list in this folder is already closed."}

// SQLite's primary result codes we tell apart (https://sqlite.org/rescode.html).
const (
	codePerm     = 3
	codeBusy     = 5
	codeReadOnly = 8
	codeIOErr    = 10
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
)

// sqliteCode is the primary SQLite result code in err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// damaged reports whether err says the database file itself is broken
// (or is not a database at all), as opposed to the disk or the system
// refusing to read or write it.
func damaged(err error) bool {
	switch sqliteCode(err) {
	case codeCorrupt, codeNotADB:
		return true
	}
	return false
}

// Why a write can fail, in the person's words.
const (
	diskFullWords   = "The list of addresses could not be saved because the disk is full. Free some space; Pagekeeper keeps trying."
	readOnlyWords   = "The list of addresses could not be saved because the folder is on a read-only disk. Choose another folder."
	permissionWords = "The list of addresses could not be saved because Pagekeeper may not write in the folder. Choose another folder."
	writeWords      = "The list of addresses could not be saved in the folder. Check the disk; Pagekeeper keeps trying."
)

// writeError turns a failed write of the list into a sentence.
func writeError(err error) *Error {
	return &Error{msg: diskWords(err, writeWords), Cause: err}
}

// diskWords picks the sentence that fits err, or otherwise.
func diskWords(err error, otherwise string) string {
	switch {
	case sqliteCode(err) == codeFull, errors.Is(err, syscall.ENOSPC), windowsDiskFull(err):
		return diskFullWords
	case sqliteCode(err) == codeReadOnly, errors.Is(err, syscall.EROFS):
		return readOnlyWords
	case sqliteCode(err) == codePerm, errors.Is(err, fs.ErrPermission):
		return permissionWords
	}
	return otherwise
}

// windowsDiskFull recognises ERROR_DISK_FULL (112) and
// ERROR_HANDLE_DISK_FULL (39), which Windows reports instead of ENOSPC.
func windowsDiskFull(err error) bool {
	var errno syscall.Errno
	return onWindows && errors.As(err, &errno) && (errno == 112 || errno == 39)
}
