//go:build unix

package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"pagekeeper/engine"
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

// TestKilledAtAnyMomentLosesAndDuplicatesNothing is the never-lose-work
// promise for real: the command is killed with SIGKILL ten times at
// different moments of a 400-page run (while pages download, while they
// are saved, while the list is written) and started again on the same
// folder each time, without the list. In the end every address is saved
// exactly once, every file holds exactly what the server sent, and no
// temporary file is left.
func TestKilledAtAnyMomentLosesAndDuplicatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("ten runs of a real binary")
	}
	bin := buildCLI(t)
	srv := enginetest.New(t)
	out := t.TempDir()
	const pages = 400
	var urls []string
	size := map[string]int64{}
	for i := range pages {
		k := enginetest.Knobs{Size: int64(1000 + (i*7919)%150000), Drip: time.Millisecond, DripChunk: 16 << 10}
		u := srv.URLFor(fmt.Sprintf("/p/%d", i), k)
		urls = append(urls, u)
		size[u] = k.Size
	}
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte(strings.Join(urls, "\n")), 0o644)
	args := []string{"-i", list, "-o", out, "-format", "served", "-downloaders", "8", "-savers", "2"}
	for kill, after := range []int{3, 17, 30, 45, 60, 80, 100, 120, 150, 200} {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		before := srv.Requests()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waited := srv.WaitRequests(t.Context(), before+after%60+1)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if waited != nil {
			t.Fatal(waited)
		}
		args = []string{"-o", out, "-format", "served", "-downloaders", "8", "-savers", "2"} // go on with the folder's list
		t.Logf("kill %d: %d requests so far", kill+1, srv.Requests())
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the last run: %v\n%s", err, stderr.String())
	}

	e, err := engine.New(engine.Config{OutputDir: out})
	if err != nil {
		t.Fatal(err)
	}
	s := e.Snapshot()
	e.Close()
	if len(s.Jobs) != pages || s.Totals.Counts[engine.Saved] != pages {
		t.Fatalf("%d rows, counts %v", len(s.Jobs), s.Totals.Counts)
	}
	files := map[string]bool{}
	for _, j := range s.Jobs {
		if files[j.SavedPath] {
			t.Errorf("two addresses saved as %s", j.SavedPath)
		}
		files[j.SavedPath] = true
		path := strings.TrimPrefix(j.URL, srv.URL)
		path = path[:strings.Index(path, "?")]
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(j.SavedPath)))
		if err != nil {
			t.Errorf("%s: %v", j.SavedPath, err)
			continue
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != enginetest.BodySHA256(path, size[j.URL]) {
			t.Errorf("%s is not what the server sent (%d bytes of %d)", j.SavedPath, len(b), size[j.URL])
		}
	}
	var onDisk, stray []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(out, p)
		switch {
		case err != nil || d.IsDir():
		case strings.HasPrefix(rel, ".pagekeeper"+string(filepath.Separator)), rel == "manifest.csv", rel == "index.html":
		case strings.Contains(rel, ".pagekeeper-tmp") || strings.HasSuffix(rel, ".part"):
			stray = append(stray, rel)
		default:
			onDisk = append(onDisk, rel)
		}
		return nil
	})
	if len(onDisk) != pages || len(stray) != 0 {
		t.Errorf("%d files on disk for %d addresses; left behind: %v", len(onDisk), pages, stray)
	}
	t.Logf("%d requests for %d pages over 11 runs", srv.Requests(), pages)
}
