package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
)

// TestAPageWithResourcesNeverDeadlocks runs pages that want resources,
// nested and shared, with every small worker count: every page is saved
// with all its resources, and a resource shared by every page is fetched
// once per run.
func TestAPageWithResourcesNeverDeadlocks(t *testing.T) {
	for _, counts := range [][2]int{{1, 1}, {1, 2}, {2, 1}, {3, 3}, {8, 2}, {16, 16}} {
		t.Run(fmt.Sprintf("%d-%d", counts[0], counts[1]), func(t *testing.T) {
			site := newWantSite(t)
			cfg := testConfig(t)
			cfg.DownloadWorkers, cfg.SaveWorkers, cfg.Format = counts[0], counts[1], wantFormat{}
			cfg.Retries = -1
			e := newEngine(t, cfg)
			addAll(t, e, site.pages(12)...)
			s := runToEnd(t, e)
			if s.Totals.Counts[Saved] != 12 {
				t.Fatalf("counts %v", s.Totals.Counts)
			}
			for _, j := range s.Jobs {
				b, err := os.ReadFile(filepath.Join(cfg.OutputDir, j.SavedPath))
				if err != nil {
					t.Fatal(err)
				}
				n := strings.TrimPrefix(strings.TrimPrefix(j.URL, site.URL), "/page/")
				for _, want := range []string{"/r/" + n + "/1 = first of", "/r/" + n + "/2 = content of", "/deep/" + n + " = content of", "/shared = content of /shared"} {
					if !strings.Contains(string(b), want) {
						t.Errorf("page %s lacks %q:\n%s", n, want, b)
					}
				}
				wantTotal, wantMissing := 4, 0
				if n == "5" || n == "10" {
					wantTotal, wantMissing = 5, 1
				}
				if j.Resources.Total != wantTotal || j.Resources.Done != wantTotal || j.Resources.Missing != wantMissing {
					t.Errorf("page %s resources %+v", n, j.Resources)
				}
				if wantMissing > 0 && !strings.Contains(j.Message(time.Now()), "1 of 5 resources missing") {
					t.Errorf("page %s message %q", n, j.Message(time.Now()))
				}
			}
			if n := site.count("/shared"); n != 1 {
				t.Errorf("a resource shared by every page was fetched %d times", n)
			}
			if l := leftovers(t, cfg.OutputDir); len(l) != 0 {
				t.Errorf("temporary files left: %v", l)
			}
		})
	}
}

// TestStartedPagesFinishBeforeManyNewOnesStart: with one download worker
// and one saver, pages are started in list order and never more than the
// scheduler's bound are open at once (started, with resources still to
// ask for), so memory stays bounded however long the list.
func TestStartedPagesFinishBeforeManyNewOnesStart(t *testing.T) {
	site := newWantSite(t)
	cfg := testConfig(t)
	cfg.DownloadWorkers, cfg.SaveWorkers, cfg.Format = 1, 1, wantFormat{}
	e := newEngine(t, cfg)
	const pages = 30
	addAll(t, e, site.pages(pages)...)
	runToEnd(t, e)
	order := site.requests()
	pos := func(p string) int { return slices.Index(order, p) }
	open, last := make([]int, len(order)+1), 0
	for n := 1; n <= pages; n++ {
		start := pos(fmt.Sprintf("/page/%d", n))
		if start < last {
			t.Errorf("page %d was asked for before page %d", n, n-1)
		}
		last = start
		end := max(pos(fmt.Sprintf("/r/%d/1", n)), pos(fmt.Sprintf("/r/%d/2", n)), pos(fmt.Sprintf("/deep/%d", n)))
		for i := start; i <= end; i++ {
			open[i]++
		}
	}
	bound := 2 * (cfg.DownloadWorkers + cfg.SaveWorkers)
	if m := slices.Max(open); m > bound {
		t.Errorf("%d pages open at once, bound %d: %v", m, bound, order)
	}
}

// TestOneSiteDoesNotHoldUpAnother is the head-of-line case: 20 slow pages
// of site A, then one page of site B, with 8 workers and 2 per site. B's
// page is saved before A's third.
func TestOneSiteDoesNotHoldUpAnother(t *testing.T) {
	a, b := enginetest.New(t), enginetest.New(t)
	cfg := testConfig(t)
	cfg.DownloadWorkers, cfg.PerHost = 8, 2
	e := newEngine(t, cfg)
	addAll(t, e, a.Paths(20, enginetest.Knobs{Latency: 300 * time.Millisecond})...)
	bPage := b.URLFor("/only", enginetest.Knobs{})
	addAll(t, e, bPage)
	runToEnd(t, e)
	rows := readManifest(t, cfg.OutputDir)[1:]
	bAt, aSeen := -1, 0
	for i, r := range rows {
		if r[0] == bPage {
			bAt = i
			break
		}
		aSeen++
	}
	if bAt < 0 || aSeen >= 2 {
		t.Errorf("B's page was saved after %d of A's pages (row %d)", aSeen, bAt)
	}
}

// TestRetryAfterPausesOnlyThatSite: A's server asks for 30 s of quiet; the
// whole of site A waits (politeness), and all 50 of B's pages are saved
// meanwhile.
func TestRetryAfterPausesOnlyThatSite(t *testing.T) {
	a, b := enginetest.New(t), enginetest.New(t)
	cfg := testConfig(t)
	cfg.RetryBase = time.Hour
	cfg.PerHost = 1 // nothing else of A is under way when it asks for quiet
	e := newEngine(t, cfg)
	busy := a.URLFor("/busy", enginetest.Knobs{FailTimes: 1, Status: 429, RetryAfter: "30"})
	addAll(t, e, busy)
	addAll(t, e, a.Paths(3, enginetest.Knobs{})...)
	addAll(t, e, b.Paths(50, enginetest.Knobs{Latency: 5 * time.Millisecond})...)
	if err := e.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	s := waitFor(t, e, "B's 50 pages", func(s Snapshot) bool { return s.Totals.Counts[Saved] >= 50 })
	jobs := byURL(s)
	if j := jobs[busy]; j.State != Retrying || !j.SitePaused || j.RetryAt.Sub(time.Now()) < 20*time.Second {
		t.Errorf("A's busy page: %+v", j)
	}
	for _, u := range a.Paths(3, enginetest.Knobs{}) {
		if j := jobs[u]; j.State != Queued {
			t.Errorf("A's other pages must wait with the site: %s is %v", u, j.State)
		}
	}
	if a.Requests() != 1 {
		t.Errorf("site A got %d requests during its pause", a.Requests())
	}
	if s.Totals.Counts[Saved] != 50 {
		t.Errorf("counts %v", s.Totals.Counts)
	}
	e.Stop()
	waitDone(t, e)
}

// TestWaitingCountsSitesNotRetries: while only retries wait, the totals
// say how many sites they wait for (two addresses on one site, one on
// another: two sites).
func TestWaitingCountsSitesNotRetries(t *testing.T) {
	a, b := enginetest.New(t), enginetest.New(t)
	// No Retry-After: a site is not paused, each address waits on its own.
	busy := enginetest.Knobs{FailTimes: 1, Status: 503}
	cfg := testConfig(t)
	cfg.RetryBase = time.Minute
	e := newEngine(t, cfg)
	addAll(t, e, a.URLFor("/1", busy), a.URLFor("/2", busy), b.URLFor("/3", busy))
	if err := e.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	s := waitFor(t, e, "every address waiting to retry", func(s Snapshot) bool { return s.Totals.Counts[Retrying] == 3 })
	if s.Totals.Waiting != 2 {
		t.Errorf("waiting for %d sites, want 2", s.Totals.Waiting)
	}
	e.Stop()
	<-e.Done()
}
