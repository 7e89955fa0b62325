package engine

import (
	"container/heap"
	"time"
)

// task is one request to make: a page (job set) or a resource of pages
// already started (res set).
type task struct {
	job  *job
	res  *resource
	site *site
	seq  uint64 // order of arrival, for fair ties
}

// site is one host's share of the work: its queues, what runs there now
// and whether it asked to be left alone for a while.
type site struct {
	key         string
	pages       deque[*task] // list order
	res         deque[*task] // resources of pages already started
	active      int          // requests under way
	pausedUntil time.Time    // the server asked everyone to wait (429/503)
	inPages     bool         // on the scheduler's page ring
	inRes       bool         // on the scheduler's resource ring
}

// scheduler hands download workers only work they can start now. Sites
// take turns (round robin), so one long site does not starve the others;
// within a site the list order is kept; the per-site limit is respected by
// leaving a busy site out of its turn, never by parking a worker; a retry
// waits in a timer heap holding no worker; resources of pages already
// started go before new pages. It has no lock of its own: the engine's
// mutex guards it.
type scheduler struct {
	perSite  int
	maxOpen  int // pages started and not finished, at most
	sites    map[string]*site
	pageRing deque[*site]
	resRing  deque[*site]
	timers   timerHeap
	seq      uint64
}

func newScheduler(perSite, maxOpen int) *scheduler {
	return &scheduler{perSite: perSite, maxOpen: maxOpen, sites: map[string]*site{}}
}

func (s *scheduler) site(key string) *site {
	st := s.sites[key]
	if st == nil {
		st = &site{key: key}
		s.sites[key] = st
	}
	return st
}

// addPage queues a page at the back of its site's queue.
func (s *scheduler) addPage(j *job, now time.Time) {
	st := s.site(j.site())
	s.seq++
	t := &task{job: j, site: st, seq: s.seq}
	j.task = t
	st.pages.pushBack(t)
	s.offer(st, now)
}

// addResource queues a resource request at the back of its site's queue.
func (s *scheduler) addResource(r *resource, now time.Time) {
	st := s.site(r.site)
	s.seq++
	t := &task{res: r, site: st, seq: s.seq}
	r.task = t
	st.res.pushBack(t)
	s.offer(st, now)
}

// retryAt puts t back once notBefore has passed; until then it holds no
// worker and is nobody's turn.
func (s *scheduler) retryAt(t *task, notBefore time.Time) {
	heap.Push(&s.timers, timer{at: notBefore, task: t})
}

// pause leaves a site out until the given time: the server asked for it.
func (s *scheduler) pause(st *site, until time.Time) {
	if until.After(st.pausedUntil) {
		st.pausedUntil = until
		heap.Push(&s.timers, timer{at: until, site: st})
	}
}

// done is called when a request taken with next has ended.
func (s *scheduler) done(st *site, now time.Time) {
	st.active--
	s.offer(st, now)
}

// eligible reports whether st may start a request now.
func (s *scheduler) eligible(st *site, now time.Time) bool {
	return st.active < s.perSite && !now.Before(st.pausedUntil)
}

// offer puts st on the rings it belongs on, if it is not there already.
func (s *scheduler) offer(st *site, now time.Time) {
	if !s.eligible(st, now) {
		return
	}
	if st.res.len() > 0 && !st.inRes {
		st.inRes = true
		s.resRing.pushBack(st)
	}
	if st.pages.len() > 0 && !st.inPages {
		st.inPages = true
		s.pageRing.pushBack(st)
	}
}

// release moves due timers back into play.
func (s *scheduler) release(now time.Time) {
	for s.timers.Len() > 0 && !s.timers[0].at.After(now) {
		t := heap.Pop(&s.timers).(timer)
		switch {
		case t.task != nil && t.task.res != nil:
			t.task.site.res.pushFront(t.task)
			s.offer(t.task.site, now)
		case t.task != nil:
			// A retried page keeps its place: first in its site's queue.
			t.task.site.pages.pushFront(t.task)
			s.offer(t.task.site, now)
		default:
			s.offer(t.site, now)
		}
	}
}

// next returns a request that can start now, or nil and the time when one
// may become possible (zero when only new work can help). open is the
// number of pages started and not finished; valid says whether a queued
// task still stands (its job may have been stopped or removed).
func (s *scheduler) next(now time.Time, open int, valid func(*task) bool) (*task, time.Time) {
	s.release(now)
	if t := s.take(&s.resRing, now, valid, true); t != nil {
		return t, time.Time{}
	}
	if open < s.maxOpen {
		if t := s.take(&s.pageRing, now, valid, false); t != nil {
			return t, time.Time{}
		}
	}
	if s.timers.Len() > 0 {
		return nil, s.timers[0].at
	}
	return nil, time.Time{}
}

// take serves the ring's sites in turn: the first eligible site gives its
// first valid task and goes to the back of the ring.
func (s *scheduler) take(ring *deque[*site], now time.Time, valid func(*task) bool, res bool) *task {
	for ring.len() > 0 {
		st := ring.popFront()
		q := &st.pages
		if res {
			st.inRes = false
			q = &st.res
		} else {
			st.inPages = false
		}
		if !s.eligible(st, now) {
			continue // offered again when a request ends or the pause does
		}
		for q.len() > 0 {
			t := q.popFront()
			if !valid(t) {
				continue
			}
			st.active++
			s.offer(st, now)
			return t
		}
	}
	return nil
}

// timer is a retry or the end of a site's pause.
type timer struct {
	at   time.Time
	task *task
	site *site
}

type timerHeap []timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].at.Equal(h[j].at) && h[i].task != nil && h[j].task != nil {
		return h[i].task.seq < h[j].task.seq
	}
	return h[i].at.Before(h[j].at)
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)   { *h = append(*h, x.(timer)) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = timer{}
	*h = old[:len(old)-1]
	return t
}
