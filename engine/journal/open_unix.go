//go:build unix

package journal

import "syscall"

// openFlags keep an open of one of our own files from following a link
// at its name or waiting on a FIFO.
const openFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

const onWindows = false
