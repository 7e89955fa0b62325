//go:build unix

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/warc"
)

// TestKilledWhileArchivingLeavesReadableWARC kills the command with
// SIGKILL while it writes its web archive, at several moments, and runs it
// again on the same folder each time: afterwards every WARC file reads
// back strictly, none is left open, and the WACZ is whole.
func TestKilledWhileArchivingLeavesReadableWARC(t *testing.T) {
	bin := buildCLI(t)
	srv := enginetest.New(t)
	out := t.TempDir()
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte(strings.Join(srv.Paths(300, enginetest.Knobs{Size: 30000, Drip: time.Millisecond, DripChunk: 4000}), "\n")), 0o644)
	for kill, after := range []int{5, 40, 120} {
		cmd := exec.Command(bin, "-i", list, "-o", out, "-wacz", "-format", "served", "-downloaders", "8")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		before := srv.Requests()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if err := srv.WaitRequests(t.Context(), before+after); err != nil {
			t.Fatal(err)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		open, _ := filepath.Glob(filepath.Join(out, "archive", "*.open"))
		t.Logf("kill %d after %d requests: %d files left open", kill+1, after, len(open))
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "-i", list, "-o", out, "-wacz", "-format", "served")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the run after the kills: %v\n%s", err, stderr.String())
	}
	v, err := warc.Verify(filepath.Join(out, "archive"))
	if err != nil {
		t.Fatalf("after the kills the archive does not read back: %v", err)
	}
	if v.Open != 0 || v.Responses+v.Revisits < 300 {
		t.Errorf("%+v", v)
	}
	if _, err := os.Stat(filepath.Join(out, filepath.Base(out)+".wacz")); err != nil {
		t.Error(err)
	}
	t.Logf("%+v", v)
}
