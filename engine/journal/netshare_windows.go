package journal

import (
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

const driveRemote = 4 // DRIVE_REMOTE from GetDriveTypeW

var getDriveType = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDriveTypeW")

func onNetworkShare(path string) bool {
	vol := filepath.VolumeName(path)
	if strings.HasPrefix(vol, `\\`) {
		return true // \\server\share
	}
	if vol == "" || getDriveType.Find() != nil {
		return false
	}
	root, err := syscall.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	kind, _, _ := getDriveType.Call(uintptr(unsafe.Pointer(root)))
	return kind == driveRemote
}
