//go:build !linux

package store

import "os"

// openFSSync: only Linux syncs one filesystem at a time; elsewhere every
// file and folder is synced on its own.
func openFSSync(root *os.Root) (*syncGroup, *os.File) { return nil, nil }
