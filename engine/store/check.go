// Package store is the output folder: every path inside it goes through an
// os.Root, files are written under temporary names and placed under their
// final names only when complete and durable, names we own are opened
// without following links, and manifest.csv gets one whole row per write.
// Two runs (two windows, or a window and a script) may share a folder.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// FolderError says in plain words why a folder cannot be used.
type FolderError struct {
	Dir    string
	reason string
	Err    error // the cause, for logs; never shown
}

func (e *FolderError) Error() string { return fmt.Sprintf(e.reason, e.Dir) }

// Unwrap is the cause.
func (e *FolderError) Unwrap() error { return e.Err }

// folderError explains why dir cannot be used.
func folderError(dir string, err error) error {
	var fe *FolderError
	if errors.As(err, &fe) {
		return fe
	}
	var odd *OddNameError
	if errors.As(err, &odd) {
		return odd
	}
	reason := "Pagekeeper cannot use the folder %s. Choose another folder."
	switch {
	case errors.Is(err, fs.ErrPermission):
		reason = "Pagekeeper may not write in %s. Choose another folder."
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrExist):
		reason = "%s is a file, not a folder. Choose another folder."
	case errors.Is(err, syscall.ENOSPC):
		reason = "The disk holding %s is full. Free some space or choose another folder."
	case errors.Is(err, syscall.EROFS):
		reason = "%s is on a read-only disk. Choose another folder."
	case errors.Is(err, fs.ErrNotExist):
		reason = "%s does not exist and cannot be created. Choose another folder."
	}
	return &FolderError{Dir: dir, reason: reason, Err: err}
}

// Check creates dir if needed and proves files can be written in it. It
// touches the disk: call it off any goroutine that must stay responsive.
func Check(dir string) error {
	if dir == "" {
		return errors.New("Choose a folder to keep the pages in.")
	}
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
