package pagetest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// PageLimit is the page limit the site is built around: with it, the
// saved missing.html leaves /img/huge.png out as too large.
const PageLimit = 2 << 20

// Site is the test site on a loopback address.
type Site struct {
	srv     *httptest.Server
	mu      sync.Mutex
	hits    map[string]int
	total   atomic.Int64
	blocked atomic.Bool
}

// New starts the site; it stops when the test ends.
func New(t testing.TB) *Site {
	t.Helper()
	s := &Site{hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the address of a path on the site, such as "/imports.html".
func (s *Site) URL(path string) string { return s.srv.URL + path }

// LiveURL is the address of a path's live variant: the same page, with
// what a saved page leaves out (over PageLimit) answering 404, so it looks
// as the saved page should.
func (s *Site) LiveURL(path string) string { return s.srv.URL + "/live" + path }

// Requests is how many requests the site has answered (or refused while
// blocked).
func (s *Site) Requests() int64 { return s.total.Load() }

// Hits is how many requests asked for path (live variant not included).
func (s *Site) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Block makes every request fail with 503 (still counted) while on: a
// saved page opened then shows only what it holds.
func (s *Site) Block(on bool) { s.blocked.Store(on) }

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.total.Add(1)
	path := r.URL.Path
	live := strings.HasPrefix(path, "/live/")
	if live {
		path = strings.TrimPrefix(path, "/live")
	} else {
		s.mu.Lock()
		s.hits[path]++
		s.mu.Unlock()
	}
	if s.blocked.Load() {
		http.Error(w, "blocked", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if live && overLimit[path] {
		http.NotFound(w, r)
		return
	}
	if n, ok := bigImage(path); ok {
		serveBig(w, n)
		return
	}
	a, ok := assets()[path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Header().Set("Content-Length", fmt.Sprint(len(a.body)))
	w.Write(a.body)
}

// overLimit are the resources a page saved with PageLimit cannot hold.
var overLimit = map[string]bool{"/img/huge.png": true}
