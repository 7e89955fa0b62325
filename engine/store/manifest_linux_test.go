package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestManifestRowCutByAFullDiskComesOutWhole: a row the disk took only
// part of (it filled up) is finished where it stopped once there is room,
// so the file stays valid CSV even when the cut fell inside quotes.
func TestManifestRowCutByAFullDiskComesOutWhole(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k"); err != nil {
		t.Skipf("cannot mount a small file system here (%v); run as root to test a full disk", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	f := open(t, dir)
	defer f.Close(false)
	filler := filepath.Join(dir, "filler")
	fill, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := fill.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	fill.Close()
	long := "https://x/" + strings.Repeat(`a "quoted", part `, 600) // 10 KB, quotes and commas
	listed, err := f.Manifest().Add(Row{ID: 1, Address: long, State: "Saved"})
	if err == nil || len(listed) != 0 {
		t.Fatalf("a row on a full disk: listed %v, err %v", listed, err)
	}
	os.Remove(filler)
	listed, err = f.Manifest().Add(Row{ID: 2, Address: "https://x/2", State: "Saved"})
	if err != nil || len(listed) != 2 {
		t.Fatalf("after making room: listed %v, err %v", listed, err)
	}
	rows := readRows(t, dir)
	if len(rows) != 3 || rows[1][0] != long || rows[2][0] != "https://x/2" {
		t.Errorf("%d rows; the cut one whole: %v", len(rows), len(rows) > 1 && rows[1][0] == long)
	}
}
