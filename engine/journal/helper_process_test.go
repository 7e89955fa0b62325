package journal

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The test binary runs itself as a second Pagekeeper when these are set
// (see TestMain): a real other process holding the folder, or writing to
// it until it is killed.
const (
	helperRoleEnv = "PAGEKEEPER_JOURNAL_HELPER"
	helperDirEnv  = "PAGEKEEPER_JOURNAL_DIR"
	helperWALEnv  = "PAGEKEEPER_JOURNAL_NO_WAL"
	helperSlowEnv = "PAGEKEEPER_JOURNAL_SLOW_DISK"
)

// churnRows is how many rows the churn helper keeps changing.
const churnRows = 300

func helperMain(role, dir string) int {
	if os.Getenv(helperWALEnv) != "" {
		networkShare = func(string) bool { return true }
	}
	if role == "churn" {
		afterCommit = func(changes int) { fmt.Println("committed", changes) }
	}
	if os.Getenv(helperSlowEnv) != "" {
		// A slow disk: every commit takes at least 20 ms longer, so a kill
		// lands in the middle of one more often, and a Flush that did not
		// wait for its commit would be caught.
		beforeWrite = func() { time.Sleep(20 * time.Millisecond) }
	}
	j, err := Open(dir)
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	switch role {
	case "hold":
		// Hold the folder until the test closes our stdin.
		fmt.Println("ready", os.Getpid())
		io.Copy(io.Discard, os.Stdin)
	case "churn":
		rows, err := j.Load()
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Println("ready", os.Getpid())
		churn(j, startRound(rows), func(word string, round int) { fmt.Println(word, round) })
	}
	if err := j.Close(); err != nil {
		fmt.Println("error", err)
		return 1
	}
	return 0
}

// startRound is the last round a list of the churn helper went through.
func startRound(rows []Record) int {
	r := 0
	for _, row := range rows {
		if row.ID <= churnRows {
			r = max(r, row.State)
		}
	}
	return r
}

// churnOps is the churn helper's changes for round r, in order: every row
// gets version r, a row of its own is added and the previous round's is
// removed. apply is called with each change.
func churnOps(r int, put func(Record), remove func(id int)) {
	for id := 1; id <= churnRows; id++ {
		put(sample(id, r))
	}
	put(sample(churnRows+r, r))
	if r > 1 {
		remove(churnRows + r - 1)
	}
}

// churn goes through rounds after last until it is killed, telling when
// it has put a round and when it has flushed one (every third round).
// Between flushes, the writer commits on its own, when a batch is full.
func churn(j *Journal, last int, tell func(word string, round int)) {
	for r := last + 1; ; r++ {
		churnOps(r, j.Put, func(id int) { j.Remove(id) })
		if r%3 != 0 {
			tell("put", r)
			continue
		}
		if err := j.Flush(); err != nil {
			fmt.Println("error", err)
			return
		}
		tell("flushed", r)
	}
}

// helper is the test binary running as another Pagekeeper.
type helper struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Scanner
	PID   int
}

func startHelper(t *testing.T, role, dir string, env ...string) *helper {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperRoleEnv+"="+role, helperDirEnv+"="+dir)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &helper{cmd: cmd, stdin: stdin, out: bufio.NewScanner(stdout), PID: cmd.Process.Pid}
	t.Cleanup(func() {
		h.cmd.Process.Kill()
		h.cmd.Wait()
	})
	return h
}

// line is the helper's next line; an "error" line fails the test.
func (h *helper) line(t *testing.T) (word string, n int) {
	t.Helper()
	if !h.out.Scan() {
		t.Fatalf("the helper ended: %v", h.out.Err())
	}
	word, rest, _ := strings.Cut(h.out.Text(), " ")
	if word == "error" {
		t.Fatalf("the helper failed: %s", rest)
	}
	n, _ = strconv.Atoi(rest)
	return word, n
}

// ready waits until the helper has the folder open.
func (h *helper) ready(t *testing.T) {
	t.Helper()
	if word, pid := h.line(t); word != "ready" || pid != h.PID {
		t.Fatalf("the helper said %q %d", word, pid)
	}
}

// kill ends the helper as a crash would: SIGKILL, nothing flushed.
func (h *helper) kill(t *testing.T) {
	t.Helper()
	if err := h.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	h.cmd.Wait()
}

// finish lets a holding helper close the journal and exit.
func (h *helper) finish(t *testing.T) {
	t.Helper()
	h.stdin.Close()
	if err := h.cmd.Wait(); err != nil {
		t.Fatalf("the helper: %v", err)
	}
}
