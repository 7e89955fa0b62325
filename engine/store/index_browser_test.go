package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pagekeeper/engine/page/browsertest"
)

// TestIndexSearchFiltersAsYouType opens index.html in Chromium from disk
// and types into its search box: only the matching pages stay visible.
func TestIndexSearchFiltersAsYouType(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	browsertest.New(t) // skips, or fails under PAGEKEEPER_REQUIRE_BROWSER, without Chromium
	dir := t.TempDir()
	f := open(t, dir)
	for _, e := range []IndexEntry{
		{Address: "https://a.example/cats", Site: "a.example", Title: "All about cats", File: "a.example/cats.html"},
		{Address: "https://a.example/dogs", Site: "a.example", Title: "All about dogs", File: "a.example/dogs.html"},
		{Address: "https://b.example/birds", Site: "b.example", Title: "Birds", File: "b.example/birds.html"},
	} {
		e.Saved = time.Now()
		f.AddToIndex(e)
	}
	f.Close(true)

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browsertest.ChromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTime()
	visible := `Array.from(document.querySelectorAll('li.page')).filter(li => !li.hidden && !li.closest('section').hidden).map(li => li.querySelector('.title').textContent.trim())`
	err := chromedp.Do(ctx,
		chromedp.Navigate(browsertest.FileURL(filepath.Join(dir, IndexName))),
		chromedp.WaitVisible("#q"),
	)
	if err != nil {
		t.Fatal(err)
	}
	shown := func(typed string) []string {
		t.Helper()
		clear := `(q => { q.value = ''; q.dispatchEvent(new Event('input')); return true })(document.getElementById('q'))`
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](clear)); err != nil {
			t.Fatal(err)
		}
		if typed != "" {
			if err := chromedp.Do(ctx, chromedp.SendKeys("#q", typed)); err != nil {
				t.Fatal(err)
			}
		}
		titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](visible))
		if err != nil {
			t.Fatal(err)
		}
		return titles
	}
	all, dogs, none := shown(""), shown("about DOGS"), shown("zebra")
	if len(all) != 3 || len(dogs) != 1 || dogs[0] != "All about dogs" || len(none) != 0 {
		t.Errorf("all %q, dogs %q, zebra %q", all, dogs, none)
	}
	if _, err := os.Stat(filepath.Join(dir, IndexName)); err != nil {
		t.Fatal(err)
	}
}
