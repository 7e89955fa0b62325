// Package browsertest judges saved pages in a real browser: it drives the
// system's Chromium (headless, through chromedp) to take screenshots of a
// live page and of its saved file, compares them pixel by pixel and
// records every network request a page makes while it renders. The
// engine's end-to-end tests use it too.
package browsertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"pagekeeper/engine/page"
)

// ChromiumPath is where the tests expect Chromium.
const ChromiumPath = "/usr/bin/chromium"

// RequireEnv names the environment variable that, set to 1, turns a
// missing Chromium from a skipped test into a failed one.
const RequireEnv = "PAGEKEEPER_REQUIRE_BROWSER"

// Width and Height are the window the screenshots are taken in: the
// desktop window the assembler chooses images for.
const (
	Width  = page.DesktopWidth
	Height = page.DesktopHeight
)

// Browser is one headless Chromium, closed when the test ends.
type Browser struct {
	ctx context.Context
}

// New starts Chromium for a test. Without Chromium the test is skipped,
// or fails when PAGEKEEPER_REQUIRE_BROWSER=1.
func New(t testing.TB) *Browser {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("Chromium is not installed at %s, and %s=1 requires it", ChromiumPath, RequireEnv)
		}
		t.Skipf("Chromium is not installed at %s: skipping the browser test (set %s=1 to make this a failure)", ChromiumPath, RequireEnv)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.Flag("force-device-scale-factor", "1"),
		chromedp.WindowSize(Width, Height),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("Chromium did not start: %v", err)
	}
	return &Browser{ctx: ctx}
}

// Shot is a page as the browser showed it.
type Shot struct {
	Image image.Image
	PNG   []byte
	// Requests are the http and https addresses the page asked the
	// network for while it loaded and rendered, in order.
	Requests []string
	// Blocked are the http and https addresses the page tried to load but
	// its Content-Security-Policy stopped before any request was made.
	Blocked []string
}

// Screenshot opens address in a new tab of a DesktopWidth by
// DesktopHeight window, waits until it has loaded, its images are decoded
// and its fonts are ready (in its frames too), and takes a screenshot of
// the whole page.
func (b *Browser) Screenshot(address string) (*Shot, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTime()

	var rec recorder
	if err := chromedp.Listen(ctx, rec.event); err != nil {
		return nil, err
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(Width, Height),
		chromedp.Navigate(address),
	)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", address, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settled, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("waiting for %s to settle: %w", address, err)
	}
	data, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return nil, fmt.Errorf("screenshot of %s: %w", address, err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("screenshot of %s: %w", address, err)
	}
	shot := &Shot{Image: img, PNG: data}
	shot.Requests, shot.Blocked = rec.result()
	return shot, nil
}

// recorder notes the requests of a tab from its network events.
type recorder struct {
	mu      sync.Mutex
	order   []network.RequestID
	urls    map[network.RequestID]string
	blocked map[network.RequestID]bool
}

func (r *recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.urls == nil {
		r.urls, r.blocked = map[network.RequestID]string{}, map[network.RequestID]bool{}
	}
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := e.Request.URL
		if strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") {
			if _, seen := r.urls[e.RequestID]; !seen {
				r.order = append(r.order, e.RequestID)
			}
			r.urls[e.RequestID] = u
		}
	case *network.EventLoadingFailed:
		if e.BlockedReason == network.BlockedReasonCsp {
			r.blocked[e.RequestID] = true
		}
	}
}

// result splits the requests into those that went out and those the
// page's policy blocked.
func (r *recorder) result() (sent, blocked []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range r.order {
		if r.blocked[id] {
			blocked = append(blocked, r.urls[id])
		} else {
			sent = append(sent, r.urls[id])
		}
	}
	return sent, blocked
}

// settled resolves once the page and every same-origin frame in it (srcdoc
// frames included) have their images decoded and their fonts loaded,
// then waits two animation frames so what was decoded is painted.
const settled = `(async () => {
  const docs = [];
  const collect = (d) => {
    docs.push(d);
    for (const f of d.querySelectorAll('iframe,frame')) {
      try { if (f.contentDocument) collect(f.contentDocument); } catch (e) {}
    }
  };
  collect(document);
  for (const d of docs) {
    await d.fonts.ready;
    await Promise.all(Array.from(d.images).map(i => i.decode().catch(() => {})));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
})()`

// FileURL is the file:// address of a saved page.
func FileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// SavePNG writes a screenshot to a file.
func SavePNG(path string, data []byte) error {
	if len(data) == 0 {
		return errors.New("browsertest: no image to save")
	}
	return os.WriteFile(path, data, 0o644)
}
