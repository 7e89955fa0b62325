//go:build !windows

package failure

const isWindows = false
