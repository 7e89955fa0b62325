package warc

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"pagekeeper/engine/warc/warctest"
)

// The replay test opens a WACZ we built in ReplayWeb.page (the npm package
// replaywebpage, its embeddable <replay-web-page> element) in headless
// Chromium and checks that the saved page shows its text, its style and
// its images. What it needs:
//
//   - Chromium: /usr/bin/chromium (Debian's package "chromium"), or the
//     path in PAGEKEEPER_CHROMIUM.
//   - ReplayWeb.page's ui.js and sw.js. They are kept in a cache folder
//     ($PAGEKEEPER_TEST_CACHE, else the user cache folder's
//     pagekeeper-test/) and fetched on first use with
//     `npm pack replaywebpage@2.5.3`, so npm must be on PATH then. (A plain
//     `npm install` fails: one of its dependencies asks for a version the
//     registry does not have.) The package's SHA-1 is checked.
//
// Without Chromium or npm the test is skipped, unless
// PAGEKEEPER_REQUIRE_BROWSER=1, then it fails. Set
// PAGEKEEPER_SCREENSHOT_DIR to keep the screenshot of the replay.

const (
	replayVersion = "2.5.3"
	// replaySHA1 is the SHA-1 of replaywebpage-2.5.3.tgz as the registry
	// serves it.
	replaySHA1 = "062dc5235b25adfcf7313d9ce0c40e9e7bada210"
)

func browserMissing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("PAGEKEEPER_REQUIRE_BROWSER") == "1" {
		t.Fatalf("replay test cannot run: %s (PAGEKEEPER_REQUIRE_BROWSER=1)", why)
	}
	t.Skipf("replay test skipped: %s. Install Debian's chromium and npm to run it.", why)
}

func chromiumPath(t *testing.T) string {
	if p := os.Getenv("PAGEKEEPER_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	browserMissing(t, "Chromium was not found")
	return ""
}

// replayWebPage returns the folder holding ui.js and sw.js, fetching them
// with npm when the cache lacks them.
func replayWebPage(t *testing.T) string {
	cache := os.Getenv("PAGEKEEPER_TEST_CACHE")
	if cache == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		cache = filepath.Join(base, "pagekeeper-test")
	}
	dir := filepath.Join(cache, "replaywebpage-"+replayVersion)
	if _, err := os.Stat(filepath.Join(dir, "sw.js")); err == nil {
		if _, err := os.Stat(filepath.Join(dir, "ui.js")); err == nil {
			return dir
		}
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		browserMissing(t, "npm was not found to fetch ReplayWeb.page")
	}
	tmp := t.TempDir()
	cmd := exec.Command(npm, "pack", "replaywebpage@"+replayVersion, "--pack-destination", tmp)
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		browserMissing(t, fmt.Sprintf("npm pack replaywebpage@%s failed: %v\n%s", replayVersion, err, out))
	}
	tgz := filepath.Join(tmp, "replaywebpage-"+replayVersion+".tgz")
	data, err := os.ReadFile(tgz)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha1.Sum(data); hex.EncodeToString(sum[:]) != replaySHA1 {
		t.Fatalf("replaywebpage-%s.tgz has SHA-1 %x, want %s", replayVersion, sum, replaySHA1)
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	staging, err := os.MkdirTemp(cache, ".replaywebpage-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(staging)
	if err := extractFiles(tgz, staging, "package/ui.js", "package/sw.js"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(staging, dir); err != nil && !errors.Is(err, os.ErrExist) {
		if _, statErr := os.Stat(filepath.Join(dir, "sw.js")); statErr != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// extractFiles copies the named members of a .tgz into dir (base names).
func extractFiles(tgz, dir string, names ...string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for len(want) > 0 {
		h, err := tr.Next()
		if err != nil {
			return fmt.Errorf("%v missing from the package: %w", want, err)
		}
		if !want[h.Name] {
			continue
		}
		out, err := os.Create(filepath.Join(dir, filepath.Base(h.Name)))
		if err != nil {
			return err
		}
		_, err = io.Copy(out, tr)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		delete(want, h.Name)
	}
	return nil
}

// embedPage is the page that embeds the replay of the WACZ.
const embedPage = `<!doctype html>
<html><head><meta charset="utf-8"><script src="/ui.js"></script></head>
<body style="margin:0">
<replay-web-page style="display:block;width:100%%;height:720px" source="/x.wacz" url="%s" replayBase="/replay/"></replay-web-page>
</body></html>`

// findReplayed looks through every shadow root and same-origin frame for
// the replayed page and reports its text, title, heading colour (from the
// gzip-compressed style sheet) and images once both images have loaded.
const findReplayed = `(() => {
  function* docs(root) {
    yield root;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) yield* docs(el.shadowRoot);
      if (el.tagName === 'IFRAME') {
        let d = null;
        try { d = el.contentDocument; } catch (e) {}
        if (d) yield* docs(d);
      }
    }
  }
  for (const d of docs(document)) {
    if (d.nodeType !== 9) continue;
    const p = d.getElementById('text');
    if (!p) continue;
    const imgs = Array.from(d.images).map(i => ({src: i.currentSrc, loaded: i.complete && i.naturalWidth > 0, width: i.naturalWidth, height: i.naturalHeight}));
    const h1 = d.querySelector('h1');
    if (imgs.length < 2 || !imgs.every(i => i.loaded) || !h1) continue;
    return {text: p.textContent, title: d.title, color: d.defaultView.getComputedStyle(h1).color, images: imgs};
  }
  return null;
})()`

// describeFrames lists every document reached (address and the start of
// its text), to tell what went wrong when the replay never showed.
const describeFrames = `(() => {
  const out = [];
  function walk(root) {
    if (root.nodeType === 9) out.push((root.location ? root.location.href : '?') + ' :: ' + (root.body ? root.body.innerText.slice(0, 300) : ''));
    else out.push('shadow of ' + root.host.tagName + ' :: ' + root.textContent.trim().slice(0, 300));
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.tagName === 'IFRAME') { let d = null; try { d = el.contentDocument; } catch (e) {} if (d) walk(d); else out.push('frame ' + el.src + ' not readable'); }
    }
  }
  walk(document);
  return out.join('\n');
})()`

type replayed struct {
	Text   string `json:"text"`
	Title  string `json:"title"`
	Color  string `json:"color"`
	Images []struct {
		Src    string `json:"src"`
		Loaded bool   `json:"loaded"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	} `json:"images"`
}

func TestReplayInReplayWebPage(t *testing.T) {
	if testing.Short() {
		t.Skip("replay in a browser is not short")
	}
	chromium := chromiumPath(t)
	rwp := replayWebPage(t)

	site := warctest.NewSite()
	out := t.TempDir()
	page := recordSiteWACZ(t, site, out, "replay")
	site.Close() // the replay must come from the archive alone

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, embedPage, page)
	})
	serveJS := func(path string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/javascript")
			http.ServeFile(w, r, path)
		}
	}
	mux.HandleFunc("/ui.js", serveJS(filepath.Join(rwp, "ui.js")))
	mux.HandleFunc("/replay/sw.js", serveJS(filepath.Join(rwp, "sw.js")))
	mux.HandleFunc("/x.wacz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wacz")
		http.ServeFile(w, r, filepath.Join(out, "replay.wacz"))
	})
	viewer := httptest.NewServer(mux)
	defer viewer.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	if _, err := chromedp.Run(bctx, chromedp.Navigate(viewer.URL+"/")); err != nil {
		t.Fatalf("open the viewer page: %v", err)
	}
	got, err := chromedp.Run(bctx, chromedp.Poll[replayed](findReplayed,
		chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(2*time.Minute)))
	shot, shotErr := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if shotErr == nil {
		if d := os.Getenv("PAGEKEEPER_SCREENSHOT_DIR"); d != "" {
			p := filepath.Join(d, "replay.png")
			if err := os.WriteFile(p, shot, 0o644); err == nil {
				t.Logf("screenshot: %s", p)
			}
		}
	}
	if err != nil {
		state, _ := chromedp.Run(bctx, chromedp.Evaluate[string](describeFrames))
		t.Fatalf("the replayed page never showed its text and both images: %v\nwhat the browser shows:\n%s", err, state)
	}
	t.Logf("replayed: %+v", got)
	if !strings.Contains(got.Text, warctest.PageText) || got.Title != warctest.PageTitle {
		t.Errorf("replayed text %q title %q", got.Text, got.Title)
	}
	if got.Color != "rgb(0, 170, 68)" {
		t.Errorf("heading colour %q: the gzip-compressed style sheet did not apply", got.Color)
	}
	for _, img := range got.Images {
		if !img.Loaded || img.Width != 120 || img.Height != 80 {
			t.Errorf("image %+v", img)
		}
	}
}
