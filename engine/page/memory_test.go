package page_test

import (
	"context"
	"net/url"
	"runtime"
	"testing"

	"pagekeeper/engine/page"
	"pagekeeper/engine/page/pagetest"
)

// heapSampler is an io.Writer that discards what it is given and reads
// the heap size every few megabytes, keeping the largest.
type heapSampler struct {
	every, since, written int64
	peak                  uint64
}

func (h *heapSampler) Write(p []byte) (int, error) {
	h.since += int64(len(p))
	h.written += int64(len(p))
	if h.since >= h.every {
		h.since = 0
		h.sample()
	}
	return len(p), nil
}

func (h *heapSampler) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapAlloc)
}

func heapNow() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// assembleBig fetches big.html's 150 MB of images to disk (once per
// fetcher) and writes the complete page to a sampler, returning the
// highest heap seen above the heap before the page was parsed.
func assembleBig(tb testing.TB, site *pagetest.Site, fetch *pagetest.Fetcher) (peakAbove uint64, written int64) {
	u, _ := url.Parse(site.URL(pagetest.BigPath))
	p := fetch.Get(page.Want{URL: u.String(), Kind: page.Frame})
	base := heapNow()
	h := &heapSampler{every: 4 << 20, peak: base}
	body, err := p.Open()
	if err != nil {
		tb.Fatal(err)
	}
	a, err := page.NewAssembler(page.Options{}, u, p.ContentType, body)
	body.Close()
	if err != nil {
		tb.Fatal(err)
	}
	for ws := a.Wants(); len(ws) > 0; ws = a.Wants() {
		for _, w := range ws {
			if err := a.Provide(fetch.Get(w)); err != nil {
				tb.Fatal(err)
			}
			h.sample()
		}
	}
	if _, err := a.WriteTo(context.Background(), h); err != nil {
		tb.Fatal(err)
	}
	if m := a.Missing(); len(m) != 0 {
		tb.Fatalf("the big page misses %d resources: %+v", len(m), m[0])
	}
	return h.peak - base, h.written
}

// TestMemoryStaysFlat saves a page with 150 MB of images and checks that
// the heap never grows by more than a small fraction of that: the images
// are streamed from their files, not held.
func TestMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 350 MB to disk; skipped with -short")
	}
	site := pagetest.New(t)
	fetch := pagetest.NewFetcher(t)
	peak, written := assembleBig(t, site, fetch)
	const limit = 16 << 20
	t.Logf("page with %d MB of images: wrote %d MB, heap peaked %.1f MB above where it started",
		pagetest.BigImages*pagetest.BigImageSize>>20, written>>20, float64(peak)/(1<<20))
	if written < pagetest.BigImages*pagetest.BigImageSize {
		t.Errorf("wrote only %d bytes", written)
	}
	if peak > limit {
		t.Errorf("the heap grew by %d MB while saving, over %d MB", peak>>20, limit>>20)
	}
}
