package gui

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pagekeeper/engine"
)

// writeBigList writes a text list of about size bytes: distinct
// addresses of 5,000 sites, with comments, duplicates and bad lines. It
// returns the path and how many distinct addresses it holds.
func writeBigList(tb testing.TB, size int64) (string, int) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	var n int64
	distinct := 1 // https://example.com/
	for i := 0; n < size; i++ {
		var k int
		switch i % 20 {
		case 0:
			k, _ = fmt.Fprintf(w, "# part %d\n", i)
		case 1:
			k, _ = w.WriteString("https://example.com/\n")
		case 2:
			k, _ = fmt.Fprintf(w, "not an address %d\n", i)
		default:
			k, _ = fmt.Fprintf(w, "https://www.site%d.example.com/blog/%d/post-%d.html?ref=list\n", i%5000, i/5000, i)
			distinct++
		}
		n += int64(k)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return path, distinct
}

// heapSampler records the peak of the live heap, sampled by a goroutine
// of its own while the work runs.
type heapSampler struct {
	base uint64
	peak atomic.Uint64
	stop chan struct{}
	done sync.WaitGroup
}

func sampleHeap(every time.Duration) *heapSampler {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h := &heapSampler{base: ms.HeapAlloc, stop: make(chan struct{})}
	h.peak.Store(ms.HeapAlloc)
	h.done.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-h.stop:
				return
			case <-t.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > h.peak.Load() {
					h.peak.Store(ms.HeapAlloc)
				}
			}
		}
	})
	return h
}

// grown stops sampling and returns the peak above the heap at the start.
func (h *heapSampler) grown() uint64 {
	close(h.stop)
	h.done.Wait()
	return h.peak.Load() - h.base
}

// uiLoop plays the window's goroutine: it runs what is handed to the
// window, a heartbeat every 5 ms and the pump's ticks (every 100 ms), and
// records the longest the goroutine was held by one call.
type uiLoop struct {
	calls   chan func()
	beats   int           // heartbeats run
	longest time.Duration // the longest single call
}

func (u *uiLoop) do(f func()) { u.calls <- f }

// runUntil runs the loop until cond holds; the deadline catches a hang.
func (u *uiLoop) runUntil(t *testing.T, w *Window, what string, cond func() bool) {
	t.Helper()
	beat := time.NewTicker(5 * time.Millisecond)
	defer beat.Stop()
	deadline := time.After(5 * time.Minute)
	for !cond() {
		select {
		case f := <-u.calls:
			start := time.Now()
			f()
			u.longest = max(u.longest, time.Since(start))
		case <-beat.C:
			u.beats++
			if w.pump != nil && u.beats%20 == 0 {
				go w.pump.tick() // the pump's own goroutine, ten times a second
			}
		case <-deadline:
			t.Fatalf("waiting for %s", what)
		}
	}
}

// listLoad reads, previews and adds a generated list of about size
// bytes with the window's goroutine played by the test, and checks that
// goroutine kept running throughout; it reports what it measured.
func listLoad(t *testing.T, size int64) {
	path, distinct := writeBigList(t, size)
	u := &uiLoop{calls: make(chan func(), 64)}
	cfg := testConfig(t)
	w := newWindow(test.NewTempApp(t), options{config: cfg, do: u.do, background: func(f func()) { go f() }})
	u.runUntil(t, w, "the folder", func() bool { return w.eng != nil })
	t.Cleanup(func() {
		w.pump.stop()
		w.eng.Close()
	})

	heap := sampleHeap(20 * time.Millisecond)
	start := time.Now()
	w.previewList("big.txt", func() (io.ReadCloser, error) { return os.Open(path) })
	if !w.adding {
		t.Fatal("the list was read on the window's goroutine")
	}
	beats := u.beats
	u.runUntil(t, w, "the preview", func() bool { return !w.adding })
	previewTime, previewHeap, previewBeats, previewLongest := time.Since(start), heap.grown(), u.beats-beats, u.longest
	if previewBeats == 0 {
		t.Error("the window's goroutine ran nothing while the list was read")
	}
	want := fmt.Sprintf("Text file: %s addresses", count(distinct))
	if !dialogSays(w, want) {
		t.Fatalf("the dialog does not say %q", want)
	}

	heap = sampleHeap(20 * time.Millisecond)
	start = time.Now()
	u.longest = 0
	beats = u.beats
	test.Tap(button(t, topOverlay(w), "Add"))
	u.runUntil(t, w, "the list added", func() bool { return !w.adding })
	addTime := time.Since(start)
	u.runUntil(t, w, "every row shown", func() bool { return len(w.rows) == distinct })
	shownTime, addHeap, addBeats, addLongest := time.Since(start), heap.grown(), u.beats-beats, u.longest
	if addBeats == 0 {
		t.Error("the window's goroutine ran nothing while the list was added")
	}
	if w.totals.Counts[engine.Queued] != distinct {
		t.Errorf("%d queued, want %d", w.totals.Counts[engine.Queued], distinct)
	}
	const mb = 1 << 20
	t.Logf("%d MB list, %d addresses: preview %v (heap +%d MB, longest call on the window's goroutine %v, %d heartbeats); "+
		"add %v, all rows shown after %v (heap +%d MB, longest call %v, %d heartbeats)",
		size/mb, distinct, previewTime.Round(time.Millisecond), previewHeap/mb, previewLongest.Round(time.Millisecond), previewBeats,
		addTime.Round(time.Millisecond), shownTime.Round(time.Millisecond), addHeap/mb, addLongest.Round(time.Millisecond), addBeats)
	// Reading the file must not hold it: what remains is the parser's set
	// of distinct addresses, a small multiple of the file's size at most
	// (a 50 MB list held 1.4–1.9 GB when read whole), plus buffers and
	// the race detector's share.
	if previewHeap > 3*uint64(size)+16<<20 {
		t.Errorf("the preview grew the heap by %d MB", previewHeap/mb)
	}
}

// TestListLoadKeepsTheWindowRunning: a list file is read, previewed and
// added off the window's goroutine, which keeps running meanwhile. The
// 50 MB list is TestBigListKeepsTheWindowResponsive (not under -race).
func TestListLoadKeepsTheWindowRunning(t *testing.T) {
	listLoad(t, 2<<20)
}
