//go:build !race

// The 50 MB list takes minutes under the race detector: run it with
// plain `go test -run TestBigList ./gui/`.

package gui

import "testing"

// bigListSize is the list people reported: 50 MB, which peaked at 1.4 to
// 1.9 GB when it was read whole.
const bigListSize = 50 << 20

// TestBigListKeepsTheWindowResponsive: a 50 MB list is read, previewed
// and added off the window's goroutine, which keeps running meanwhile;
// reading it costs a few buffers, not copies of the file.
func TestBigListKeepsTheWindowResponsive(t *testing.T) {
	if testing.Short() {
		t.Skip("a 50 MB list")
	}
	listLoad(t, bigListSize)
}
