package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pagekeeper/engine/page/pagetest"
	"pagekeeper/engine/warc/replaytest"
)

// TestTheWebArchiveReplaysInReplayWebPage keeps the test site's article
// with a web archive, stops the site, and opens the run's WACZ in
// ReplayWeb.page (the viewer archives use) in Chromium: the page shows its
// text and its images, all from the archive.
func TestTheWebArchiveReplaysInReplayWebPage(t *testing.T) {
	if testing.Short() {
		t.Skip("replay in a browser is not short")
	}
	site := pagetest.New(t)
	cfg := completeConfig(t)
	cfg.WACZ = true
	e := newEngine(t, cfg)
	page := site.URL("/typical.html")
	addAll(t, e, page)
	if s := runToEnd(t, e); s.Totals.Counts[Saved] != 1 || s.Problem != "" {
		t.Fatalf("%v %q", s.Totals.Counts, s.Problem)
	}
	site.Block(true) // the replay must come from the archive alone
	wacz := filepath.Join(cfg.OutputDir, filepath.Base(cfg.OutputDir)+".wacz")
	if _, err := os.Stat(wacz); err != nil {
		t.Fatal(err)
	}
	got := replaytest.Open(t, wacz, page, "Saving the web, one page at a time", 5, "engine-replay")
	loaded := 0
	for _, img := range got.Images {
		if img.Loaded {
			loaded++
		}
	}
	t.Logf("ReplayWeb.page showed %q with %d of %d images loaded", got.Title, loaded, len(got.Images))
	if got.Title != "A typical article" || !strings.Contains(got.Text, "Pages change and disappear") {
		t.Errorf("replayed title %q, text %.200q", got.Title, got.Text)
	}
}
