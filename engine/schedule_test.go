package engine

import (
	"strconv"
	"testing"
	"time"
)

// pageJob is a queued job on site for scheduler tests.
func pageJob(id int, site string) *job {
	return &job{id: id, url: "https://" + site + "/" + strconv.Itoa(id), state: Queued}
}

func always(*task) bool { return true }

// takeIDs takes up to n tasks at now and returns their job IDs (or -1 for
// a resource), ending requests as it goes when release is set.
func takeIDs(s *scheduler, now time.Time, n int, release bool) []int {
	var ids []int
	for range n {
		t, _ := s.next(now, 0, always)
		if t == nil {
			break
		}
		if t.job != nil {
			ids = append(ids, t.job.id)
		} else {
			ids = append(ids, -1)
		}
		if release {
			s.done(t.site, now)
		}
	}
	return ids
}

func TestSitesTakeTurnsAndKeepTheirOrder(t *testing.T) {
	now := time.Now()
	s := newScheduler(4, 100)
	for i := 1; i <= 6; i++ {
		s.addPage(pageJob(i, "a"), now)
	}
	for i := 7; i <= 9; i++ {
		s.addPage(pageJob(i, "b"), now)
	}
	s.addPage(pageJob(10, "c"), now)
	got := takeIDs(s, now, 10, true)
	want := []int{1, 7, 10, 2, 8, 3, 9, 4, 5, 6}
	if !equalInts(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestPerSiteLimitParksNoWorker(t *testing.T) {
	now := time.Now()
	s := newScheduler(2, 100)
	for i := 1; i <= 5; i++ {
		s.addPage(pageJob(i, "a"), now)
	}
	s.addPage(pageJob(6, "b"), now)
	got := takeIDs(s, now, 5, false)
	// Two of a's at once, then b's, then nothing: a is at its limit.
	if !equalInts(got, []int{1, 6, 2}) {
		t.Fatalf("took %v", got)
	}
	s.done(s.sites["a"], now)
	if got := takeIDs(s, now, 5, false); !equalInts(got, []int{3}) {
		t.Errorf("after one of a's ended: %v", got)
	}
}

func TestResourcesGoFirst(t *testing.T) {
	now := time.Now()
	s := newScheduler(4, 100)
	s.addPage(pageJob(1, "a"), now)
	s.addPage(pageJob(2, "b"), now)
	s.addResource(&resource{url: "x", site: "cdn"}, now)
	s.addResource(&resource{url: "y", site: "a"}, now)
	if got := takeIDs(s, now, 4, true); !equalInts(got, []int{-1, -1, 1, 2}) {
		t.Errorf("took %v", got)
	}
}

func TestRetriesWaitWithoutAWorker(t *testing.T) {
	now := time.Now()
	s := newScheduler(4, 100)
	s.addPage(pageJob(1, "a"), now)
	s.addPage(pageJob(2, "a"), now)
	t1, _ := s.next(now, 0, always)
	s.done(t1.site, now)
	s.retryAt(t1, now.Add(10*time.Second))
	if got := takeIDs(s, now, 3, true); !equalInts(got, []int{2}) {
		t.Errorf("while 1 waits: %v", got)
	}
	if tk, wake := s.next(now, 0, always); tk != nil || !wake.Equal(now.Add(10*time.Second)) {
		t.Errorf("nothing to do until the retry: %v, wake %v", tk, wake)
	}
	if got := takeIDs(s, now.Add(10*time.Second), 3, true); !equalInts(got, []int{1}) {
		t.Errorf("at the retry's time: %v", got)
	}
}

func TestPausedSiteWaitsOthersGoOn(t *testing.T) {
	now := time.Now()
	s := newScheduler(4, 100)
	for i := 1; i <= 3; i++ {
		s.addPage(pageJob(i, "a"), now)
	}
	for i := 4; i <= 6; i++ {
		s.addPage(pageJob(i, "b"), now)
	}
	first, _ := s.next(now, 0, always) // a's 1
	s.done(first.site, now)
	s.pause(first.site, now.Add(30*time.Second))
	s.retryAt(first, now.Add(30*time.Second))
	if got := takeIDs(s, now.Add(time.Second), 10, true); !equalInts(got, []int{4, 5, 6}) {
		t.Errorf("while a is paused: %v", got)
	}
	if got := takeIDs(s, now.Add(30*time.Second), 10, true); !equalInts(got, []int{1, 2, 3}) {
		t.Errorf("after the pause, in list order: %v", got)
	}
}

func TestOpenPagesBoundNewPagesOnly(t *testing.T) {
	now := time.Now()
	s := newScheduler(4, 2)
	s.addPage(pageJob(1, "a"), now)
	s.addResource(&resource{url: "x", site: "a"}, now)
	if tk, _ := s.next(now, 2, always); tk == nil || tk.res == nil {
		t.Fatalf("a resource must still be served at the bound: %v", tk)
	}
	if tk, _ := s.next(now, 2, always); tk != nil {
		t.Fatalf("a new page was started beyond the bound")
	}
	if tk, _ := s.next(now, 1, always); tk == nil || tk.job.id != 1 {
		t.Fatalf("below the bound the page starts: %v", tk)
	}
}

func TestStaleTasksAreSkipped(t *testing.T) {
	now := time.Now()
	s := newScheduler(4, 100)
	gone := pageJob(1, "a")
	s.addPage(gone, now)
	s.addPage(pageJob(2, "a"), now)
	gone.removed = true
	e := &Engine{}
	if tk, _ := s.next(now, 0, e.stillQueued); tk == nil || tk.job.id != 2 {
		t.Fatalf("took %v", tk)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
