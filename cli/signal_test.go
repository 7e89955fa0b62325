//go:build unix

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if builtCLI.dir != "" {
		os.RemoveAll(builtCLI.dir)
	}
	os.Exit(code)
}

// builtCLI is the graphics-free binary, built once for all the tests.
var builtCLI struct {
	once      sync.Once
	dir, path string
	failure   string
}

// buildCLI builds the graphics-free binary once per test run.
func buildCLI(t *testing.T) string {
	t.Helper()
	builtCLI.once.Do(func() {
		dir, err := os.MkdirTemp("", "pagekeeper-cli-test-")
		if err != nil {
			builtCLI.failure = err.Error()
			return
		}
		builtCLI.dir = dir
		bin := filepath.Join(dir, "pagekeeper-cli")
		cmd := exec.Command("go", "build", "-o", bin, "../cmd/pagekeeper-cli")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			builtCLI.failure = fmt.Sprintf("build: %v\n%s", err, out)
			return
		}
		builtCLI.path = bin
	})
	if builtCLI.path == "" {
		t.Fatal(builtCLI.failure)
	}
	return builtCLI.path
}

// TestSignalsStopCleanly: SIGTERM and SIGHUP stop a run like Ctrl-C does:
// transfers end, no temporary file is left, and the exit code says the
// list was not finished.
func TestSignalsStopCleanly(t *testing.T) {
	bin := buildCLI(t)
	srv := enginetest.New(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			out := t.TempDir()
			urls := srv.Paths(20, enginetest.Knobs{Size: 1 << 20, Drip: 5 * time.Millisecond, DripChunk: 4 << 10})
			for i := range urls {
				urls[i] += "&sig=" + strings.ReplaceAll(sig.String(), " ", "")
			}
			cmd := exec.Command(bin, "-i", "-", "-o", out, "-downloaders", "4")
			cmd.Stdin = strings.NewReader(strings.Join(urls, "\n"))
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			before := srv.Requests()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if err := srv.WaitRequests(t.Context(), before+4); err != nil {
				t.Fatal(err)
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != ExitIncomplete {
				t.Errorf("exit: %v\nstderr:\n%s", err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "stopping") || !strings.Contains(stdout.String(), "canceled") {
				t.Errorf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			}
			filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
				if err == nil && (strings.HasSuffix(p, ".part") || strings.Contains(p, ".pagekeeper-tmp")) {
					t.Errorf("left behind: %s", p)
				}
				return nil
			})
		})
	}
}

// TestSignalWhileReadingTheList: a stop asked for while the list is still
// being read (standard input that has not ended) is heard at once, and
// what was read so far stays in the folder's list.
func TestSignalWhileReadingTheList(t *testing.T) {
	bin := buildCLI(t)
	out := t.TempDir()
	cmd := exec.Command(bin, "-i", "-", "-o", out)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// The folder's list exists once the list is being read.
	db := filepath.Join(out, ".pagekeeper", "session.db")
	for deadline := time.Now().Add(20 * time.Second); ; {
		if _, err := os.Stat(db); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the folder's list never appeared")
		}
		select {
		case err := <-done:
			t.Fatalf("exited early: %v\n%s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	stdin.Write([]byte("https://example.com/one\n"))
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != ExitIncomplete || !strings.Contains(stderr.String(), "stopped while reading the list") {
			t.Errorf("exit: %v\nstderr:\n%s", err, stderr.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("SIGTERM while reading the list was not heard\n%s", stderr.String())
	}
}
