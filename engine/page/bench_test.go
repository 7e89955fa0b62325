package page_test

import (
	"path/filepath"
	"testing"

	"pagekeeper/engine/page"
	"pagekeeper/engine/page/pagetest"
)

// BenchmarkAssembleTypical saves typical.html (a web font, a stylesheet
// with an @import, eight images, an SVG sprite) from resources already on
// disk: parse, rounds of Wants and Provide, and writing the file.
func BenchmarkAssembleTypical(b *testing.B) {
	site := pagetest.New(b)
	fetch := pagetest.NewFetcher(b)
	dir := b.TempDir()
	pageURL := site.URL("/typical.html")
	if _, err := fetch.AssembleTo(pageURL, page.Options{}, filepath.Join(dir, "warm.html")); err != nil {
		b.Fatal(err)
	}
	var size int64
	for b.Loop() {
		res, err := fetch.AssembleTo(pageURL, page.Options{}, filepath.Join(dir, "saved.html"))
		if err != nil {
			b.Fatal(err)
		}
		size = res.Size
	}
	b.SetBytes(size)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkBigPage saves a page with 150 MB of images and reports the
// highest heap growth seen while doing it.
func BenchmarkBigPage(b *testing.B) {
	site := pagetest.New(b)
	fetch := pagetest.NewFetcher(b)
	assembleBig(b, site, fetch) // fetch to disk once
	var peak uint64
	var written int64
	for b.Loop() {
		p, w := assembleBig(b, site, fetch)
		peak, written = max(peak, p), w
	}
	b.SetBytes(written)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
