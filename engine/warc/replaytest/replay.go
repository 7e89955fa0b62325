// Package replaytest opens a WACZ file in ReplayWeb.page (the npm package
// replaywebpage, its embeddable <replay-web-page> element) in headless
// Chromium, for tests that check what the archiving world's own viewer
// shows of what Pagekeeper kept.
package replaytest

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
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A replay opens a WACZ in ReplayWeb.page (the npm package
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

func browserMissing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("PAGEKEEPER_REQUIRE_BROWSER") == "1" {
		t.Fatalf("replay test cannot run: %s (PAGEKEEPER_REQUIRE_BROWSER=1)", why)
	}
	t.Skipf("replay test skipped: %s. Install Debian's chromium and npm to run it.", why)
}

func chromiumPath(t testing.TB) string {
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
func replayWebPage(t testing.TB) string {
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
// the replayed page (the document whose text holds the words sought) and
// reports its text, title, first heading's colour and images once at least
// minImages have loaded. It is a format string: the words, then minImages.
const findReplayed = `(() => {
  const want = %q, minImages = %d;
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
    if (!d.body || d.body.innerText.indexOf(want) < 0) continue;
    const imgs = Array.from(d.images).map(i => ({src: i.currentSrc, loaded: i.complete && i.naturalWidth > 0, width: i.naturalWidth, height: i.naturalHeight}));
    if (imgs.filter(i => i.loaded).length < minImages) continue;
    const h1 = d.querySelector('h1');
    return {text: d.body.innerText, title: d.title, color: h1 ? d.defaultView.getComputedStyle(h1).color : '', images: imgs};
  }
  return null;
})()`

// swActive is true once ReplayWeb.page's service worker is active.
// Each poll starts an asynchronous look and answers the last one's result.
const swActive = `(navigator.serviceWorker.getRegistration('/replay/').then(r => { window.__pkSW = !!(r && r.active && r.active.state === 'activated') }), window.__pkSW === true)`

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

// Replayed is what the viewer showed of the page.
type Replayed struct {
	Text   string `json:"text"`
	Title  string `json:"title"`
	Color  string `json:"color"` // of the first heading, "" without one
	Images []struct {
		Src    string `json:"src"`
		Loaded bool   `json:"loaded"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	} `json:"images"`
	// Screenshot is the viewer's PNG.
	Screenshot []byte `json:"-"`
}

// Open serves the WACZ file at wacz with ReplayWeb.page on loopback, opens
// pageURL in it in headless Chromium and waits (up to two minutes) until
// the replayed page shows words and at least minImages loaded images. It
// skips the test without Chromium or npm, unless PAGEKEEPER_REQUIRE_BROWSER
// is 1. Set PAGEKEEPER_SCREENSHOT_DIR to keep the screenshot as name.png.
func Open(t testing.TB, wacz, pageURL, words string, minImages int, name string) Replayed {
	t.Helper()
	chromium := chromiumPath(t)
	rwp := replayWebPage(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, embedPage, pageURL)
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
		http.ServeFile(w, r, wacz)
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
	// ReplayWeb.page's known race (webrecorder/replayweb.page#412): the
	// first time its service worker registers, the replay frame may load
	// before the worker controls it and show the server's 404. Wait for
	// the worker to be active, then open the page again, as a person
	// pressing reload would.
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](swActive,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("ReplayWeb.page's service worker never started: %v", err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Navigate(viewer.URL+"/")); err != nil {
		t.Fatalf("open the viewer page again: %v", err)
	}
	got, err := chromedp.Run(bctx, chromedp.Poll[Replayed](fmt.Sprintf(findReplayed, words, minImages),
		chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(2*time.Minute)))
	shot, shotErr := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if shotErr == nil {
		got.Screenshot = shot
		if d := os.Getenv("PAGEKEEPER_SCREENSHOT_DIR"); d != "" {
			p := filepath.Join(d, name+".png")
			if err := os.WriteFile(p, shot, 0o644); err == nil {
				t.Logf("screenshot: %s", p)
			}
		}
	}
	if err != nil {
		state, _ := chromedp.Run(bctx, chromedp.Evaluate[string](describeFrames))
		t.Fatalf("the replayed page never showed %q and %d images: %v\nwhat the browser shows:\n%s", words, minImages, err, state)
	}
	return got
}
