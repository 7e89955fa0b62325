//go:build !linux

package fetch

import "os"

// writebackChunk is how many bytes of a large body are written between
// two requests to start writing them out (Linux only).
const writebackChunk = 8 << 20

// startWriteback: only Linux can be asked to start writing a range.
func startWriteback(f *os.File, off, n int64) {}
