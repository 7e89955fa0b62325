package warc

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestCrashLeavesReadableArchive kills a real recording process (with
// SIGKILL on Unix) at different moments, each run starting on the folder
// the last one left, then opens the folder once more: every WARC file must
// read back with gowarc's strict validation and no open file may remain.
func TestCrashLeavesReadableArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a program")
	}
	bin := filepath.Join(t.TempDir(), "crashwriter")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	build := exec.Command(gobin, "build", "-o", bin, "./testdata/crashwriter")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "archive")
	cut := 0
	for round, killAfter := range []int{0, 2, 5, 9, 14, 1, 20, 3} {
		cmd := exec.Command(bin, dir, fmt.Sprint(round+1))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		want := fmt.Sprintf("recorded %d", killAfter)
		for lines.Scan() && lines.Text() != want {
		}
		// Kill right after the writer's next write reaches the file: with
		// members larger than the write buffer, that is mostly inside a
		// record.
		waitForGrowth(t, dir)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, stdout)
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Fatalf("round %d: %s", round, stderr.String())
		}
		cut += countCutOpenFiles(t, dir)
	}
	t.Logf("%d kills left a record cut in the middle", cut)
	if cut == 0 {
		t.Error("no kill landed inside a record, so no repair of a cut record was tested")
	}

	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	files := warcFiles(t, dir) // fails on any file still open
	exchanges := 0
	for _, f := range files {
		for _, rec := range readStrict(t, f) {
			if rec.typ.String() == "request" {
				exchanges++
			}
		}
	}
	if len(files) == 0 || exchanges == 0 {
		t.Fatalf("%d files with %d exchanges after the crashes", len(files), exchanges)
	}
	t.Logf("%d files, %d exchanges kept", len(files), exchanges)
}

// waitForGrowth returns once the open files in dir grow (a write reached
// the disk), giving up after ten seconds.
func waitForGrowth(t *testing.T, dir string) {
	t.Helper()
	size := func() int64 {
		var n int64
		open, _ := filepath.Glob(filepath.Join(dir, "*"+openSuffix))
		for _, p := range open {
			if st, err := os.Stat(p); err == nil {
				n += st.Size()
			}
		}
		return n
	}
	before := size()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); runtime.Gosched() {
		if size() != before {
			return
		}
	}
	t.Log("the open files did not grow within ten seconds")
}

// countCutOpenFiles counts open files whose end is not the end of a whole
// record, i.e. the kill landed inside a record.
func countCutOpenFiles(t *testing.T, dir string) int {
	t.Helper()
	open, _ := filepath.Glob(filepath.Join(dir, "*"+openSuffix))
	n := 0
	for _, p := range open {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		end, _ := wholeRecords(readerOnly{f})
		f.Close()
		if end != st.Size() {
			n++
		}
	}
	return n
}
