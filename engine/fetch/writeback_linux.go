package fetch

import (
	"os"

	"golang.org/x/sys/unix"
)

// writebackChunk is how many bytes of a large body are written between
// two requests to the disk to start writing them out.
const writebackChunk = 8 << 20

// startWriteback asks the disk to start writing a range of f now, without
// waiting: a 1 GiB body is then mostly on disk when it arrives, and the
// sync that makes it durable no longer begins from nothing.
func startWriteback(f *os.File, off, n int64) {
	rc, err := f.SyscallConn()
	if err != nil {
		return
	}
	rc.Control(func(fd uintptr) {
		unix.SyncFileRange(int(fd), off, n, unix.SYNC_FILE_RANGE_WRITE)
	})
}
