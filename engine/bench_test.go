package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/journal"
	"pagekeeper/engine/page/pagetest"
)

// BenchmarkThroughput2000Pages fetches 2,000 small pages served with 20 ms
// latency by 16 download workers and reports the time against the ideal
// (pages × latency / workers): all on one site with 16 at once per site,
// the same list spread over 8 sites at 2 per site, and the one-site run
// again keeping a web archive (WARC and WACZ).
func BenchmarkThroughput2000Pages(b *testing.B) {
	const pages, workers, latency = 2000, 16, 20 * time.Millisecond
	one := enginetest.New(b)
	var spread []string
	var sites []*enginetest.Server
	for range 8 {
		sites = append(sites, enginetest.New(b))
	}
	for i := range pages {
		spread = append(spread, sites[i%8].URLFor(fmt.Sprintf("/page/%d", i), enginetest.Knobs{Size: 2048, Latency: latency}))
	}
	k := enginetest.Knobs{Size: 2048, Latency: latency}
	for _, c := range []struct {
		name    string
		urls    []string
		perSite int
		wacz    bool
		memory  bool
	}{
		{"one-site", one.Paths(pages, k), 16, false, false},
		{"one-site-no-journal", one.Paths(pages, k), 16, false, true},
		{"eight-sites", spread, 2, false, false},
		{"one-site-wacz", one.Paths(pages, k), 16, true, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			text := strings.Join(c.urls, "\n")
			ideal := time.Duration(pages) * latency / workers
			for range b.N {
				cfg := testConfig(b)
				cfg.DownloadWorkers, cfg.PerHost, cfg.WACZ, cfg.memoryOnly = workers, c.perSite, c.wacz, c.memory
				timedRun(b, cfg, text, pages)
			}
			perRun := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(perRun)/float64(ideal), "x-ideal")
			b.ReportMetric(float64(ideal.Milliseconds()), "ideal-ms")
		})
	}
}

// BenchmarkLargeBody256MB reports MB/s for one 256 MB body, download and save.
func BenchmarkLargeBody256MB(b *testing.B) {
	const size = 256 << 20
	srv := enginetest.New(b)
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		e, err := New(testConfig(b))
		if err != nil {
			b.Fatal(err)
		}
		e.Add(srv.URLFor(fmt.Sprintf("/big%d.bin", i), enginetest.Knobs{Size: size, ContentType: "application/octet-stream"}))
		e.Start(context.Background())
		e.Drain()
		<-e.Done()
		if s := e.Snapshot(); s.Totals.Counts[Saved] != 1 {
			b.Fatalf("%+v", s.Jobs)
		}
	}
}

// engineWithJobs returns an idle engine holding n queued jobs.
func engineWithJobs(b *testing.B, n int) *Engine {
	e, err := New(testConfig(b))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "https://example.com/page/%d\n", i)
	}
	if res, _ := e.Add(sb.String()); len(res.Accepted) != n {
		b.Fatalf("accepted %d", len(res.Accepted))
	}
	return e
}

// BenchmarkChanges100k is one poll of a 100,000-job list where 20 jobs
// changed since the last poll: the cost a GUI pays ten times a second.
func BenchmarkChanges100k(b *testing.B) {
	e := engineWithJobs(b, 100000)
	v := e.Snapshot().Version
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.mu.Lock()
		for id := 1; id <= 20; id++ {
			e.touch(e.byID[id*997%100000+1])
		}
		e.mu.Unlock()
		s := e.Changes(v)
		v = s.Version
		if len(s.Jobs) != 20 {
			b.Fatalf("%d changes", len(s.Jobs))
		}
	}
}

// BenchmarkSnapshot100k is a full copy of a 100,000-job list (done once,
// when a view first opens).
func BenchmarkSnapshot100k(b *testing.B) {
	e := engineWithJobs(b, 100000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if s := e.Snapshot(); len(s.Jobs) != 100000 {
			b.Fatal(len(s.Jobs))
		}
	}
}

// BenchmarkAdd100k parses and queues 100,000 addresses.
func BenchmarkAdd100k(b *testing.B) {
	var sb strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&sb, "example.com/page/%d\n", i)
	}
	text := sb.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := newEngine(b, Config{OutputDir: b.TempDir()})
		if res, _ := e.Add(text); len(res.Accepted) != 100000 {
			b.Fatal(len(res.Accepted))
		}
	}
}

// BenchmarkManySmallPages is 10,000 pages of 20 KiB at no latency with 16
// workers: the save stage's own cost, fsyncs included, with the session
// journal and without it.
func BenchmarkManySmallPages(b *testing.B) {
	const pages = 10000
	srv := enginetest.New(b)
	text := strings.Join(srv.Paths(pages, enginetest.Knobs{Size: 20 << 10}), "\n")
	for _, memory := range []bool{false, true} {
		name := "journal"
		if memory {
			name = "no-journal"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				cfg := testConfig(b)
				cfg.DownloadWorkers, cfg.PerHost, cfg.memoryOnly = 16, 16, memory
				timedRun(b, cfg, text, pages)
			}
			b.ReportMetric(float64(pages)/(b.Elapsed().Seconds()/float64(b.N)), "pages/s")
		})
	}
}

// peakHeap samples the heap while run runs and returns the peak in use,
// above what was in use before.
func peakHeap(run func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop := make(chan struct{})
	done := make(chan uint64)
	go func() {
		var peak uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				done <- peak
				return
			case <-t.C:
			}
		}
	}()
	run()
	close(stop)
	peak := <-done
	if peak < base.HeapInuse {
		return 0
	}
	return peak - base.HeapInuse
}

// BenchmarkCompleteVsServed keeps 200 copies of the test site's typical
// article (web font, images, srcset, SVG) as complete pages and as served,
// reporting pages per second and the peak heap of each.
func BenchmarkCompleteVsServed(b *testing.B) {
	site := pagetest.New(b)
	var urls []string
	for i := range 200 {
		urls = append(urls, fmt.Sprintf("%s?copy=%d", site.URL("/typical.html"), i))
	}
	for _, format := range []Format{Complete{KeepScripts: true}, AsServed{}} {
		b.Run(format.Name(), func(b *testing.B) {
			var peak uint64
			for range b.N {
				b.StopTimer()
				cfg := testConfig(b)
				cfg.DownloadWorkers, cfg.PerHost, cfg.Format = 16, 16, format
				e := newEngine(b, cfg)
				addAll(b, e, urls...)
				b.StartTimer()
				peak = max(peak, peakHeap(func() {
					e.Start(context.Background(), FinishWhenDone())
					<-e.Done()
				}))
				if s := e.Snapshot(); s.Totals.Counts[Saved] != len(urls) {
					b.Fatalf("saved %d", s.Totals.Counts[Saved])
				}
			}
			b.ReportMetric(float64(len(urls))/(b.Elapsed().Seconds()/float64(b.N)), "pages/s")
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
		})
	}
}

// BenchmarkCompletePageOf150MB keeps one page with 150 MB of images as a
// complete page and reports the peak heap: the images stream from disk
// into the file, base64 and all, never whole in memory.
func BenchmarkCompletePageOf150MB(b *testing.B) {
	site := pagetest.New(b)
	var peak uint64
	for range b.N {
		b.StopTimer()
		cfg := testConfig(b)
		cfg.Format = Complete{}
		e := newEngine(b, cfg)
		addAll(b, e, site.URL(pagetest.BigPath))
		b.StartTimer()
		peak = max(peak, peakHeap(func() {
			e.Start(context.Background(), FinishWhenDone())
			<-e.Done()
		}))
		s := e.Snapshot()
		if j := s.Jobs[0]; j.State != Saved || j.SavedSize < 150<<20 {
			b.Fatalf("%+v", j)
		}
	}
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
}

// BenchmarkReopen100k reopens a folder whose list holds 100,000 addresses
// and takes the first full snapshot: what a window shows at start.
func BenchmarkReopen100k(b *testing.B) {
	cfg := testConfig(b)
	e, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&sb, "https://example.com/page/%d\n", i)
	}
	if res, _ := e.Add(sb.String()); len(res.Accepted) != 100000 {
		b.Fatalf("accepted %d", len(res.Accepted))
	}
	if err := e.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		e, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		if s := e.Snapshot(); len(s.Jobs) != 100000 {
			b.Fatalf("%d jobs", len(s.Jobs))
		}
		b.StopTimer()
		e.Close()
		b.StartTimer()
	}
}

// BenchmarkReopen100kSaved reopens a list of 100,000 saved pages: every
// file is looked for on disk (what is on disk is the truth).
func BenchmarkReopen100kSaved(b *testing.B) {
	cfg := testConfig(b)
	j, err := journal.Open(cfg.OutputDir)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	for i := range 100000 {
		rel := fmt.Sprintf("site%d/page-%d.html", i%100, i)
		os.MkdirAll(filepath.Join(cfg.OutputDir, fmt.Sprintf("site%d", i%100)), 0o755)
		os.WriteFile(filepath.Join(cfg.OutputDir, filepath.FromSlash(rel)), []byte("<p>kept"), 0o644)
		j.Put(journal.Record{ID: i + 1, URL: fmt.Sprintf("https://site%d.example/page/%d", i%100, i), State: int(Saved),
			Files: []string{rel}, Added: now, Changed: now, Saved: now})
	}
	if err := j.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		e, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		if s := e.Snapshot(); s.Totals.Counts[Saved] != 100000 {
			b.Fatalf("%v", s.Totals.Counts)
		}
		b.StopTimer()
		e.Close()
		b.StartTimer()
	}
}

// BenchmarkHugeHeaders64Workers sends 64 download workers against a server
// that answers every request with 10 MB of headers, and reports the peak
// heap: headers are capped at 64 KiB, so the flood costs little.
func BenchmarkHugeHeaders64Workers(b *testing.B) {
	var urls []string
	for range 4 { // four sites at 16 at once: 64 answers in flight
		srv := enginetest.New(b)
		for i := range 64 {
			urls = append(urls, srv.URLFor(fmt.Sprintf("/flood/%d", i), enginetest.Knobs{HeaderBytes: 10 << 20}))
		}
	}
	var peak uint64
	for range b.N {
		b.StopTimer()
		cfg := testConfig(b)
		cfg.DownloadWorkers, cfg.PerHost, cfg.Retries = 64, 16, -1
		e := newEngine(b, cfg)
		addAll(b, e, urls...)
		b.StartTimer()
		peak = max(peak, peakHeap(func() {
			e.Start(context.Background(), FinishWhenDone())
			<-e.Done()
		}))
		if s := e.Snapshot(); s.Totals.Counts[Failed] != len(urls) {
			b.Fatalf("%v", s.Totals.Counts)
		}
	}
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
}

// timedRun times one run of the list text with cfg (not the setting up)
// and checks that every one of its pages was saved.
func timedRun(b *testing.B, cfg Config, text string, pages int) {
	b.StopTimer()
	e := newEngine(b, cfg)
	e.Add(text)
	b.StartTimer()
	e.Start(context.Background(), FinishWhenDone())
	<-e.Done()
	b.StopTimer()
	if s := e.Snapshot(); s.Totals.Counts[Saved] != pages {
		b.Fatalf("saved %d", s.Totals.Counts[Saved])
	}
	b.StartTimer()
}

// BenchmarkHeadOfLine is 20 pages of site A answering in 300 ms, then one
// page of site B, with 8 workers and 2 at once per site: it reports when
// B's page was saved (it should not wait for A).
func BenchmarkHeadOfLine(b *testing.B) {
	a, other := enginetest.New(b), enginetest.New(b)
	var bSaved time.Duration
	for range b.N {
		cfg := testConfig(b)
		cfg.DownloadWorkers, cfg.PerHost = 8, 2
		e := newEngine(b, cfg)
		addAll(b, e, a.Paths(20, enginetest.Knobs{Latency: 300 * time.Millisecond})...)
		addAll(b, e, other.URLFor("/only", enginetest.Knobs{}))
		start := time.Now()
		e.Start(context.Background(), FinishWhenDone())
		for e.Snapshot().Jobs[20].State != Saved {
			select {
			case <-time.After(time.Millisecond):
			case <-e.Done():
			}
		}
		bSaved += time.Since(start)
		<-e.Done()
	}
	b.ReportMetric(float64(bSaved.Milliseconds())/float64(b.N), "b-saved-ms")
}
