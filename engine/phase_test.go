package engine

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/store"
)

func TestAddAndRetryAreRefusedWhileStopping(t *testing.T) {
	e := newEngine(t, testConfig(t))
	addAll(t, e, "https://example.com/a")
	e.mu.Lock()
	e.phase = Stopping // as between Stop and the pools' exit
	e.mu.Unlock()
	if _, err := e.Add("https://example.com/b"); !errors.Is(err, ErrStopping) {
		t.Errorf("Add while stopping: %v", err)
	}
	if _, err := e.Retry(1); !errors.Is(err, ErrStopping) {
		t.Errorf("Retry while stopping: %v", err)
	}
	e.mu.Lock()
	e.phase = Idle
	e.mu.Unlock()
}

// TestFinishWhenDoneEndsByItself: the option ends the run as Finished once
// every job has ended, without anyone calling Drain, and the phase says
// Running until then.
func TestFinishWhenDoneEndsByItself(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	addAll(t, e, srv.Paths(5, enginetest.Knobs{Latency: 20 * time.Millisecond})...)
	if err := e.Start(t.Context(), FinishWhenDone()); err != nil {
		t.Fatal(err)
	}
	if p := e.Phase(); p != Running {
		t.Errorf("phase %v while working", p)
	}
	waitDone(t, e)
	if s := e.Snapshot(); s.Phase != Finished || s.Totals.Counts[Saved] != 5 {
		t.Errorf("%v %v", s.Phase, s.Totals.Counts)
	}
}

func TestChangesReportRemovals(t *testing.T) {
	e := newEngine(t, testConfig(t))
	var urls []string
	for i := range 5 {
		urls = append(urls, fmt.Sprintf("https://example.com/%d", i))
	}
	addAll(t, e, urls...)
	v := e.Snapshot().Version
	if gone := e.Remove(2, 4, 99); !slices.Equal(gone, []int{2, 4}) {
		t.Fatalf("removed %v", gone)
	}
	c := e.Changes(v)
	slices.Sort(c.Removed)
	if c.Full || !slices.Equal(c.Removed, []int{2, 4}) || c.Totals.Jobs != 3 {
		t.Errorf("changes: full %v, removed %v, jobs %d", c.Full, c.Removed, c.Totals.Jobs)
	}
	if c := e.Changes(c.Version); len(c.Removed) != 0 || len(c.Jobs) != 0 {
		t.Errorf("nothing changed since: %+v", c)
	}
	if c := e.Changes(0); !c.Full || len(c.Jobs) != 3 {
		t.Errorf("Changes(0) is the whole list: full %v, %d jobs", c.Full, len(c.Jobs))
	}
	// A caller too far behind the bounded log gets the whole list.
	e.mu.Lock()
	for i := range maxRemovals + 10 {
		e.version++
		e.removed.add(e.version, 1000+i)
	}
	e.mu.Unlock()
	if c := e.Changes(v); !c.Full {
		t.Error("a caller behind the log's reach must get a full snapshot")
	}
}

// TestLoginsAreNeverShown: the login in an address is used, but the list,
// the manifest and the file names only ever show "user:***@".
func TestLoginsAreNeverShown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "ada" || p != "s3cret" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte("<p>members only</p>"))
	}))
	defer srv.Close()
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	u := strings.Replace(srv.URL, "http://", "http://ada:s3cret@", 1) + "/private"
	addAll(t, e, u)
	s := runToEnd(t, e)
	j := s.Jobs[0]
	if j.State != Saved {
		t.Fatalf("%+v", j)
	}
	if !strings.Contains(j.URL, "ada:***@") || strings.Contains(j.URL+j.FinalURL+j.SavedPath, "s3cret") {
		t.Errorf("shown: %q %q %q", j.URL, j.FinalURL, j.SavedPath)
	}
	b, _ := os.ReadFile(filepath.Join(cfg.OutputDir, store.ManifestName))
	if strings.Contains(string(b), "s3cret") || !strings.Contains(string(b), "ada:***@") {
		t.Errorf("manifest:\n%s", b)
	}
	filepath.WalkDir(cfg.OutputDir, func(p string, d os.DirEntry, err error) error {
		if strings.Contains(p, "s3cret") {
			t.Errorf("a file name holds the password: %s", p)
		}
		return nil
	})
}

// TestOddThingsAtOurNamesAreRefused: a FIFO, a folder or a link where
// manifest.csv or the temporary folder belong gets a plain refusal and
// never a hang; the list stays queued for when it is fixed.
func TestOddThingsAtOurNamesAreRefused(t *testing.T) {
	for name, plant := range map[string]func(dir string) error{
		"fifo manifest":   func(d string) error { return mkfifo(filepath.Join(d, "manifest.csv")) },
		"folder manifest": func(d string) error { return os.Mkdir(filepath.Join(d, "manifest.csv"), 0o755) },
		"linked manifest": func(d string) error {
			os.WriteFile(filepath.Join(d, "elsewhere.csv"), nil, 0o644)
			return os.Symlink("elsewhere.csv", filepath.Join(d, "manifest.csv"))
		},
		"linked temp": func(d string) error {
			os.Mkdir(filepath.Join(d, "other"), 0o755)
			return os.Symlink("other", filepath.Join(d, store.TempDirName))
		},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(t)
			if err := plant(cfg.OutputDir); err != nil {
				t.Skip(err)
			}
			e := newEngine(t, cfg)
			addAll(t, e, "http://127.0.0.1:1/x")
			if err := e.Start(t.Context()); err != nil {
				t.Fatal(err)
			}
			waitDone(t, e)
			s := e.Snapshot()
			if s.Phase != Stopped || !strings.Contains(s.Problem, "not what Pagekeeper made") || s.Jobs[0].State != Queued {
				t.Errorf("phase %v, problem %q, job %v", s.Phase, s.Problem, s.Jobs[0].State)
			}
		})
	}
}

// TestASecondPagekeeperIsRefused: a folder in use by one Pagekeeper is
// refused at once to a second (window or script), in plain words that
// say which process has it, and released when the first closes.
func TestASecondPagekeeperIsRefused(t *testing.T) {
	cfg := testConfig(t)
	first := newEngine(t, cfg)
	_, err := New(cfg)
	if err == nil || err.Error() != fmt.Sprintf("This folder is in use by another Pagekeeper (process %d).", os.Getpid()) {
		t.Fatalf("second Pagekeeper on the folder: %v", err)
	}
	other := testConfig(t)
	second := newEngine(t, other)
	if err := second.Reconfigure(cfg); err == nil {
		t.Fatal("switching to a folder in use was allowed")
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := second.Reconfigure(cfg); err != nil {
		t.Errorf("after the first closed: %v", err)
	}
}
