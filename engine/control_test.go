package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"pagekeeper/engine/enginetest"
)

// TestStopMidTransferLeavesNothingHalfWritten is the Stop contract: in-flight
// transfers abort, no temporary file stays, no final name holds a partial
// file and every unfinished job is Canceled. Run it with -count=5.
func TestStopMidTransferLeavesNothingHalfWritten(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.MemoryLimit = 8 << 10 // big bodies spill to temporary files
	e := newEngine(t, cfg)
	k := enginetest.Knobs{Size: 1 << 20, Drip: time.Millisecond, DripChunk: 16 << 10}
	urls := srv.Paths(12, k)
	addAll(t, e, urls...)
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, e, "bodies spilling to disk", func(s Snapshot) bool { return s.Totals.Bytes > 64<<10 })
	stopped := time.Now()
	e.Stop()
	waitDone(t, e)
	t.Logf("Stop took %v", time.Since(stopped))
	s := e.Snapshot()
	if s.Phase != Stopped {
		t.Fatalf("phase %v", s.Phase)
	}
	for _, j := range s.Jobs {
		switch j.State {
		case Saved:
			info, err := os.Stat(filepath.Join(cfg.OutputDir, j.SavedPath))
			if err != nil || info.Size() != 1<<20 {
				t.Errorf("saved %s is not whole: %v", j.SavedPath, err)
			}
		case Canceled:
			if j.Done != 0 || j.SavedPath != "" {
				t.Errorf("canceled job keeps progress: %+v", j)
			}
		default:
			t.Errorf("job %d ended %v after Stop", j.ID, j.State)
		}
	}
	if l := leftovers(t, cfg.OutputDir); len(l) != 0 {
		t.Errorf("temporary files left: %v", l)
	}
	var final []string
	filepath.WalkDir(cfg.OutputDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".html" {
			final = append(final, p)
		}
		return nil
	})
	if len(final) != s.Totals.Counts[Saved] {
		t.Errorf("%d files under final names, %d jobs saved", len(final), s.Totals.Counts[Saved])
	}
}

// TestDrainFinishesEveryQueuedJob is the Drain contract on 1,000 jobs, with
// Add refused while draining. Run it with -count=5.
func TestDrainFinishesEveryQueuedJob(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.DownloadWorkers = 16
	cfg.PerHost = 16
	e := newEngine(t, cfg)
	addAll(t, e, srv.Paths(1000, enginetest.Knobs{Size: 200})...)
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.Drain()
	if _, err := e.Add("https://late.example/"); !errors.Is(err, ErrDraining) {
		t.Errorf("Add while draining: %v, want ErrDraining", err)
	}
	if _, err := e.Retry(1); !errors.Is(err, ErrDraining) {
		t.Errorf("Retry while draining: %v, want ErrDraining", err)
	}
	waitDone(t, e)
	s := e.Snapshot()
	if s.Phase != Finished || s.Totals.Counts[Saved] != 1000 || len(s.Jobs) != 1000 {
		t.Fatalf("phase %v, counts %v", s.Phase, s.Totals.Counts)
	}
	if rows := readManifest(t, cfg.OutputDir); len(rows) != 1001 {
		t.Errorf("manifest rows %d, want 1001", len(rows))
	}
	if _, err := e.Add(srv.URLFor("/after", enginetest.Knobs{})); err != nil {
		t.Errorf("Add after the drain finished: %v", err)
	}
}

func TestAddWhileRunningJoinsTheRun(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	addAll(t, e, srv.URLFor("/first", enginetest.Knobs{}))
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, e, "the first page", func(s Snapshot) bool { return s.Totals.Counts[Saved] == 1 })
	addAll(t, e, srv.URLFor("/second", enginetest.Knobs{}))
	waitFor(t, e, "the second page", func(s Snapshot) bool { return s.Totals.Counts[Saved] == 2 })
	if s := e.Snapshot(); s.Phase != Running {
		t.Errorf("phase %v; a run without Drain keeps waiting for work", s.Phase)
	}
	e.Drain()
	waitDone(t, e)
}

func TestRetryFailedJob(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1
	e := newEngine(t, cfg)
	u := srv.URLFor("/once", enginetest.Knobs{FailTimes: 1, Status: 500})
	addAll(t, e, u)
	s := runToEnd(t, e)
	if s.Jobs[0].State != Failed {
		t.Fatalf("%+v", s.Jobs[0])
	}
	if n, err := e.Retry(s.Jobs[0].ID, 999); n != 1 || err != nil {
		t.Fatalf("Retry = %d, %v", n, err)
	}
	s = runToEnd(t, e)
	if s.Jobs[0].State != Saved || s.Jobs[0].Message(time.Now()) != "" {
		t.Fatalf("after retry: %+v", s.Jobs[0])
	}
	if ids := e.ClearFinished(); len(ids) != 1 || len(e.Snapshot().Jobs) != 0 {
		t.Errorf("ClearFinished removed %v", ids)
	}
	if b := e.Snapshot().Totals.Bytes; b != 0 {
		t.Errorf("after clearing every job the totals still count %d bytes", b)
	}
}

// TestControlsInAnyOrder calls Start, Stop and Drain concurrently and twice;
// nothing may panic, deadlock or leak.
func TestControlsInAnyOrder(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	e.Stop()
	e.Drain()
	<-e.Done()
	addAll(t, e, srv.Paths(50, enginetest.Knobs{Latency: time.Millisecond})...)
	for range 5 {
		var wg sync.WaitGroup
		for i := range 6 {
			wg.Go(func() {
				switch i % 3 {
				case 0:
					e.Start(context.Background())
				case 1:
					e.Drain()
				case 2:
					e.Stop()
				}
			})
		}
		wg.Wait()
		e.Stop()
		waitDone(t, e)
	}
	s := runToEnd(t, e)
	if s.Totals.Counts[Saved] != 50 {
		t.Errorf("counts %v", s.Totals.Counts)
	}
}

func TestContextCancelWorksLikeStop(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	addAll(t, e, srv.URLFor("/hang", enginetest.Knobs{Hang: true}))
	ctx, cancel := context.WithCancel(context.Background())
	if err := e.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := e.Start(ctx); !errors.Is(err, ErrBusy) {
		t.Errorf("second Start: %v", err)
	}
	waitFor(t, e, "the download", func(s Snapshot) bool { return s.Totals.Counts[Downloading] == 1 })
	cancel()
	waitDone(t, e)
	if s := e.Snapshot(); s.Phase != Stopped || s.Jobs[0].State != Canceled {
		t.Fatalf("%v %+v", s.Phase, s.Jobs[0])
	}
}

// TestLargeBodyKeepsMemoryFlat downloads 200 MB and checks the heap never
// holds more than a small fixed amount.
func TestLargeBodyKeepsMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("200 MB download")
	}
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	const size = 200 << 20
	addAll(t, e, srv.URLFor("/huge.bin", enginetest.Knobs{Size: size, ContentType: "application/octet-stream"}))
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.Drain()
	var peak uint64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for done := false; !done; {
		select {
		case <-e.Done():
			done = true
		case <-tick.C:
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
	}
	t.Logf("heap in use: %d MB before, %d MB peak", base.HeapInuse>>20, peak>>20)
	if limit := base.HeapInuse + 48<<20; peak > limit {
		t.Errorf("heap peaked at %d MB for a 200 MB body", peak>>20)
	}
	j := e.Snapshot().Jobs[0]
	if j.State != Saved {
		t.Fatalf("%+v", j)
	}
	if got := fileSHA(t, filepath.Join(cfg.OutputDir, j.SavedPath)); got != enginetest.BodySHA256("/huge.bin", size) {
		t.Error("the saved file differs from the body served")
	}
}

func TestNewRefusesBadSettings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	for name, cfg := range map[string]Config{
		"no folder":         {},
		"too many workers":  {OutputDir: t.TempDir(), DownloadWorkers: 65},
		"too many savers":   {OutputDir: t.TempDir(), SaveWorkers: 17},
		"a file not folder": {OutputDir: file},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if os.Geteuid() != 0 { // root may write anywhere
		ro := t.TempDir()
		os.Chmod(ro, 0o500)
		defer os.Chmod(ro, 0o700)
		if _, err := New(Config{OutputDir: ro}); err == nil {
			t.Error("an unwritable folder was accepted")
		}
	}
}

// TestNoGoroutineOutlivesDone checks the engine's own promise at the moment
// Done closes, mid-transfer Stop included, not only when the package ends.
func TestNoGoroutineOutlivesDone(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	before := goleak.IgnoreCurrent() // the list's writer lives as long as the engine, not the run
	addAll(t, e, srv.Paths(20, enginetest.Knobs{Size: 64 << 10, Drip: time.Millisecond, DripChunk: 4 << 10})...)
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, e, "transfers under way", func(s Snapshot) bool { return s.Totals.Bytes > 0 })
	e.Stop()
	waitDone(t, e)
	goleak.VerifyNone(t, before)

	// A drained run ends with keep-alive connections idle in the pool:
	// they must be closed too.
	runToEnd(t, e)
	goleak.VerifyNone(t, before)
}
