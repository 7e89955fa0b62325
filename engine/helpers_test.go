package engine

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"pagekeeper/engine/store"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// testConfig is a config for loopback tests: quick retries, short timeouts.
func testConfig(t testing.TB) Config {
	return Config{
		OutputDir:       t.TempDir(),
		DownloadWorkers: 4,
		SaveWorkers:     2,
		RetryBase:       time.Millisecond,
		ResponseTimeout: 5 * time.Second,
		IdleTimeout:     5 * time.Second,
		// Most tests check bytes as served; complete pages have their own.
		Format: AsServed{},
	}
}

func newEngine(t testing.TB, cfg Config) *Engine {
	t.Helper()
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		e.Stop()
		<-e.Done()
		if err := e.Close(); err != nil {
			t.Errorf("closing the list: %v", err)
		}
		e.mu.Lock()
		bad := e.badTransitions
		e.mu.Unlock()
		if bad != 0 {
			t.Errorf("the engine tried %d state changes its table forbids", bad)
		}
	})
	return e
}

func addAll(t testing.TB, e *Engine, urls ...string) AddResult {
	t.Helper()
	res, err := e.Add(strings.Join(urls, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// runToEnd starts e, drains it and waits for the run to end.
func runToEnd(t testing.TB, e *Engine) Snapshot {
	t.Helper()
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.Drain()
	waitDone(t, e)
	return e.Snapshot()
}

// waitDone fails the test when the run does not end: a hang, not a timing.
func waitDone(t testing.TB, e *Engine) {
	t.Helper()
	select {
	case <-e.Done():
	case <-time.After(15 * time.Second):
		var stuck []string
		for _, j := range e.Snapshot().Jobs {
			if !j.State.Final() {
				stuck = append(stuck, fmt.Sprintf("#%d %v %s", j.ID, j.State, j.Message(time.Now())))
			}
		}
		t.Fatalf("the run did not end; phase %v; unfinished: %v", e.Phase(), stuck)
	}
}

// waitFor polls the engine's progress until cond holds.
func waitFor(t testing.TB, e *Engine, what string, cond func(Snapshot) bool) Snapshot {
	t.Helper()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(30 * time.Second)
	for {
		s := e.Snapshot()
		if cond(s) {
			return s
		}
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("waited 30 s for %s; totals %+v", what, s.Totals)
		}
	}
}

func byURL(s Snapshot) map[string]JobStatus {
	m := map[string]JobStatus{}
	for _, j := range s.Jobs {
		m[j.URL] = j
	}
	return m
}

// leftovers lists files under the temporary folder and stray check files.
func leftovers(t testing.TB, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.Contains(p, store.TempDirName) || strings.HasSuffix(p, ".part") || strings.Contains(p, ".pagekeeper-check")) {
			found = append(found, p)
		}
		return nil
	})
	return found
}

func readManifest(t testing.TB, dir string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, store.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("manifest is not valid CSV: %v", err)
	}
	return rows
}
