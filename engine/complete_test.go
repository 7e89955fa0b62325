package engine

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/page/pagetest"
	"pagekeeper/engine/store"
)

// completeConfig is a run that keeps complete pages of the test site.
func completeConfig(t testing.TB) Config {
	cfg := testConfig(t)
	cfg.Format = Complete{KeepScripts: true}
	cfg.PageLimit = pagetest.PageLimit
	return cfg
}

// resourceLink finds an address of the test site still used to load
// something in a saved page (links to other pages may stay).
var resourceLink = regexp.MustCompile(`(?i)(src|srcset|poster|data)\s*=\s*["']?https?://127\.0\.0\.1|url\(\s*["']?https?://127\.0\.0\.1`)

// TestCompletePagesThroughTheEngine keeps every page of the test site as a
// complete page: each is saved, loads nothing from the site, says which
// resources are missing and why, and the sprite used 100 times on one page
// and shared stylesheets are fetched once for the whole run.
func TestCompletePagesThroughTheEngine(t *testing.T) {
	site := pagetest.New(t)
	cfg := completeConfig(t)
	e := newEngine(t, cfg)
	var urls []string
	want := map[string]pagetest.Page{}
	for _, p := range pagetest.Pages() {
		urls = append(urls, site.URL(p.Path))
		want[site.URL(p.Path)] = p
	}
	addAll(t, e, urls...)
	s := runToEnd(t, e)
	for _, j := range s.Jobs {
		p := want[j.URL]
		if j.State != Saved || !strings.HasSuffix(j.SavedPath, ".html") {
			t.Errorf("%s: %v %s %s", p.Path, j.State, j.SavedPath, j.Message(time.Now()))
			continue
		}
		if j.Resources.Missing != len(p.Missing) || (len(p.Missing) > 0 && !strings.Contains(j.Message(time.Now()), "resources missing")) {
			t.Errorf("%s: %d missing %v, want %v", p.Path, j.Resources.Missing, j.Missing, p.Missing)
		}
		for _, m := range j.Missing {
			if m.Failure.Message() == "" {
				t.Errorf("%s: %s missing without a reason", p.Path, m.URL)
			}
		}
		b, err := os.ReadFile(filepath.Join(cfg.OutputDir, j.SavedPath))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Missing) == 0 && resourceLink.Match(b) {
			t.Errorf("%s still loads from the site: %s", p.Path, resourceLink.Find(b))
		}
		if !strings.Contains(string(b), "Content-Security-Policy") {
			t.Errorf("%s has no policy keeping it off the network", p.Path)
		}
	}
	index, err := os.ReadFile(filepath.Join(cfg.OutputDir, store.IndexName))
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range s.Jobs {
		if !strings.Contains(string(index), `href="`+j.SavedPath+`"`) {
			t.Errorf("index.html does not link %s", j.SavedPath)
		}
	}
	if n := site.Hits(pagetest.Sprite); n != 1 {
		t.Errorf("the sprite was fetched %d times", n)
	}
	rows := readManifest(t, cfg.OutputDir)
	for _, r := range rows[1:] {
		if strings.HasSuffix(r[0], "/missing.html") && r[9] != "4" {
			t.Errorf("manifest row of the page with 4 missing resources: %v", r)
		}
	}
}

// TestCompleteKeepsOtherFilesAsTheyAre: a PDF or an image is kept byte for
// byte, with its own extension, in the complete format too.
func TestCompleteKeepsOtherFilesAsTheyAre(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Format = Complete{}
	e := newEngine(t, cfg)
	pdf := srv.URLFor("/report", enginetest.Knobs{ContentType: "application/pdf", Size: 5000})
	png := srv.URLFor("/photo", enginetest.Knobs{ContentType: "image/png", Size: 3000})
	addAll(t, e, pdf, png)
	s := runToEnd(t, e)
	for _, j := range s.Jobs {
		wantExt := map[string]string{pdf: ".pdf", png: ".png"}[j.URL]
		if j.State != Saved || filepath.Ext(j.SavedPath) != wantExt {
			t.Fatalf("%+v", j)
		}
		path := strings.TrimPrefix(j.URL, srv.URL)
		path = path[:strings.Index(path, "?")]
		if got := fileSHA(t, filepath.Join(cfg.OutputDir, j.SavedPath)); got != enginetest.BodySHA256(path, j.SavedSize) {
			t.Errorf("%s was changed", j.SavedPath)
		}
	}
}
