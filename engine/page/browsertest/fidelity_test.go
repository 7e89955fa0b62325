package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"pagekeeper/engine/page"
	"pagekeeper/engine/page/pagetest"
)

// TestFidelity saves every test page, opens the saved file in Chromium
// with the site blocked, and compares it with the live variant pixel by
// pixel. It also checks that the saved page asks the network for
// nothing: no request reaches the site, and the browser reports no http
// request at all.
func TestFidelity(t *testing.T) {
	b := New(t)
	site := pagetest.New(t)
	fetch := pagetest.NewFetcher(t)
	shots := t.TempDir()
	var report strings.Builder
	for _, keep := range []bool{true, false} {
		for _, p := range pagetest.Pages() {
			if p.NeedsScripts && !keep {
				continue
			}
			name := strings.TrimSuffix(strings.TrimPrefix(p.Path, "/"), ".html")
			if !keep {
				name += "-noscript"
			}
			t.Run(name, func(t *testing.T) {
				live, err := b.Screenshot(site.LiveURL(p.Path))
				if err != nil {
					t.Fatal(err)
				}
				saved := fetch.Assemble(t, site.URL(p.Path), page.Options{KeepScripts: keep, PageLimit: pagetest.PageLimit})

				site.Block(true)
				before := site.Requests()
				shot, err := b.Screenshot(FileURL(saved.File))
				after := site.Requests()
				site.Block(false)
				if err != nil {
					t.Fatal(err)
				}

				diff := Compare(live.Image, shot.Image)
				for suffix, data := range map[string][]byte{"live": live.PNG, "saved": shot.PNG, "diff": encode(diff.Image)} {
					if err := SavePNG(filepath.Join(shots, name+"-"+suffix+".png"), data); err != nil {
						t.Error(err)
					}
				}
				line := fmt.Sprintf("%-20s %7.4f%% of %d pixels differ (%d); saved file %d bytes; %d links blocked by its policy",
					name, 100*diff.Share(), diff.Total, diff.Pixels, saved.Size, len(shot.Blocked))
				report.WriteString(line + "\n")
				t.Log(line)
				if after != before {
					t.Errorf("opening the saved %s made %d requests to the site", p.Path, after-before)
				}
				if len(shot.Blocked) > len(saved.Missing) {
					t.Errorf("the saved %s tried to load %q, more than its %d missing resources", p.Path, shot.Blocked, len(saved.Missing))
				}
				if len(shot.Requests) > 0 {
					t.Errorf("opening the saved %s asked the network for %q", p.Path, shot.Requests)
				}
				if diff.Share() > Tolerance {
					t.Errorf("saved %s (%s) differs from the live page in %.2f%% of its pixels, over %.0f%%; screenshots in %s",
						p.Path, p.Shows, 100*diff.Share(), 100*Tolerance, shots)
				}
			})
		}
	}
	t.Logf("fidelity:\n%s", report.String())
	keepShots(t, shots)
}

// keepShots copies the screenshots to build/fidelity in the repository
// (git-ignored) for a person to look at.
func keepShots(t *testing.T, dir string) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return
	}
	dest := filepath.Join(filepath.Dir(file), "..", "..", "..", "build", "fidelity")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Logf("screenshots not copied: %v", err)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil {
			err = os.WriteFile(filepath.Join(dest, e.Name()), data, 0o644)
		}
		if err != nil {
			t.Logf("screenshot %s not copied: %v", e.Name(), err)
		}
	}
}
