//go:build !unix

package journal

import "runtime"

// openFlags is empty where the system has no such flags: the checks in
// ownedFile (Lstat before, SameFile after) still refuse a link.
const openFlags = 0

var onWindows = runtime.GOOS == "windows"
