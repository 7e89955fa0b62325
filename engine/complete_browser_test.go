package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"pagekeeper/engine/page/browsertest"
	"pagekeeper/engine/page/pagetest"
)

// TestCompletePagesLookLikeTheLiveOnes is the fidelity check end to end:
// pages saved by the engine (its scheduler fetching every resource) are
// opened from disk in Chromium with the site blocked and compared pixel by
// pixel with the live pages. The assembler's own fidelity test covers
// every page with scripts kept and removed; this one covers the engine's
// part on the pages that need the most fetching.
func TestCompletePagesLookLikeTheLiveOnes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	b := browsertest.New(t)
	site := pagetest.New(t)
	cfg := completeConfig(t)
	e := newEngine(t, cfg)
	paths := []string{"/typical.html", "/imports.html", "/fonts.html", "/images.html", "/frames.html", "/sprites.html", "/latin1.html"}
	for _, p := range paths {
		addAll(t, e, site.URL(p))
	}
	s := runToEnd(t, e)
	shots := os.Getenv("PAGEKEEPER_SCREENSHOT_DIR")
	for i, j := range s.Jobs {
		live, err := b.Screenshot(site.LiveURL(paths[i]))
		if err != nil {
			t.Fatal(err)
		}
		site.Block(true)
		before := site.Requests()
		saved, err := b.Screenshot(browsertest.FileURL(filepath.Join(cfg.OutputDir, j.SavedPath)))
		after := site.Requests()
		site.Block(false)
		if err != nil {
			t.Fatal(err)
		}
		diff := browsertest.Compare(live.Image, saved.Image)
		t.Logf("%-16s %.4f%% of pixels differ", paths[i], 100*diff.Share())
		if shots != "" {
			name := fmt.Sprintf("engine-%s", filepath.Base(paths[i]))
			browsertest.SavePNG(filepath.Join(shots, name+"-live.png"), live.PNG)
			browsertest.SavePNG(filepath.Join(shots, name+"-saved.png"), saved.PNG)
		}
		if diff.Share() > 0.01 {
			t.Errorf("%s saved by the engine differs from the live page in %.2f%% of its pixels", paths[i], 100*diff.Share())
		}
		if after != before || len(saved.Requests) > 0 {
			t.Errorf("opening the saved %s reached the network: %d site requests, %q", paths[i], after-before, saved.Requests)
		}
	}
}
