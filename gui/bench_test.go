package gui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pagekeeper/engine"
)

// BenchmarkPumpTick10k is the main thread's cost of one tick with 10,000
// rows in the list and 50 of them changing: merging the changes and
// drawing the changed rows on screen; the status, footer and buttons are
// drawn when their clock says so (at most twice a second, as in the app).
func BenchmarkPumpTick10k(b *testing.B) { benchmarkPumpTick(b, false) }

// BenchmarkPumpTick10kChrome is the same tick with the status, footer,
// filters and buttons drawn every time: the worst case, and what every
// tick cost before they had a clock.
func BenchmarkPumpTick10kChrome(b *testing.B) { benchmarkPumpTick(b, true) }

func benchmarkPumpTick(b *testing.B, chrome bool) {
	const rows, changing = 10000, 50
	w := newTestWindow(b, testConfig(b))
	w.win.Resize(fyne.NewSize(defaultWidth, defaultHeight))

	jobs := make([]engine.JobStatus, rows)
	for i := range jobs {
		jobs[i] = engine.JobStatus{
			ID: i + 1, URL: fmt.Sprintf("https://example.com/some/page/%d.html", i),
			State: engine.Queued, Total: -1, ETA: -1,
		}
	}
	totals := engine.Totals{Jobs: rows, ETA: -1}
	totals.Counts[engine.Queued] = rows - changing
	totals.Counts[engine.Downloading] = changing
	version := uint64(1)
	w.apply(engine.Snapshot{Version: version, Phase: engine.Running, Totals: totals, Jobs: jobs, Full: true})
	w.table.draws = 0

	// The changing rows are on screen, the worst case: every one of them
	// is redrawn, some with an animated bar.
	changed := make([]engine.JobStatus, changing)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		version++
		for j := range changed {
			js := jobs[j]
			js.State = engine.Downloading
			js.Done = int64(i * 1000)
			js.Total = 1 << 20
			if j%5 == 0 {
				js.Total = -1
			}
			js.Speed = float64(100000 + i)
			js.Version = version
			changed[j] = js
		}
		totals.Bytes = int64(i) * 50000
		totals.Speed = 1 << 20
		w.applyAt(engine.Snapshot{Version: version, Phase: engine.Running, Totals: totals, Jobs: changed}, chrome)
	}
	b.ReportMetric(float64(w.table.draws)/float64(b.N), "rows-drawn/op")
}

// BenchmarkLargePaste10k is a paste of 10,000 addresses: parsed, queued
// and shown as rows, without going through the box.
func BenchmarkLargePaste10k(b *testing.B) {
	var text strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&text, "https://example.com/page/%d\n", i)
	}
	clip := test.NewClipboard()
	clip.SetContent(text.String())
	for b.Loop() {
		b.StopTimer()
		w := newTestWindow(b, testConfig(b))
		b.StartTimer()
		w.box.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		if len(w.rows) != 10000 {
			b.Fatalf("%d rows", len(w.rows))
		}
	}
}

// BenchmarkSortBySavedAs100k is sorting a list of 100,000 saved rows by
// their file name, on the window's goroutine.
func BenchmarkSortBySavedAs100k(b *testing.B) {
	var m model
	m.init()
	jobs := make([]engine.JobStatus, 100000)
	for i := range jobs {
		jobs[i] = engine.JobStatus{ID: i + 1, URL: fmt.Sprintf("https://example.com/%d", i), State: engine.Saved,
			SavedPath: fmt.Sprintf("Example.COM_%d/Page %d Of The Site.html", i%97, (i*7919)%100000), Version: 1}
	}
	m.merge(jobs)
	v := view{filter: filterAll, sortBy: colSavedAs}
	b.ReportAllocs()
	for b.Loop() {
		v.rebuild(&m)
	}
}
