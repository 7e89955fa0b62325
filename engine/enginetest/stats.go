package enginetest

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// stats is what the server has seen, for tests to assert on.
type stats struct {
	mu        sync.Mutex
	hits      map[string]int // by decoded path
	attempts  map[string]int // by path and raw query: FailTimes counts per address
	total     int
	userAgent string
	inFlight  int
	idle      chan struct{} // closed whenever inFlight is zero
	arrived   chan struct{} // closed and replaced at each request
	order     []string      // decoded paths in the order requests arrived
}

func (st *stats) init() {
	st.hits = map[string]int{}
	st.attempts = map[string]int{}
	st.idle = make(chan struct{})
	close(st.idle)
	st.arrived = make(chan struct{})
}

// begin counts r and returns how many requests its exact address has had,
// this one included.
func (st *stats) begin(r *http.Request) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.hits[r.URL.Path]++
	st.order = append(st.order, r.URL.Path)
	st.total++
	st.userAgent = r.UserAgent()
	close(st.arrived)
	st.arrived = make(chan struct{})
	if st.inFlight == 0 {
		st.idle = make(chan struct{})
	}
	st.inFlight++
	addr := r.URL.Path + "?" + r.URL.RawQuery
	st.attempts[addr]++
	return st.attempts[addr]
}

func (st *stats) end() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.inFlight--
	if st.inFlight == 0 {
		close(st.idle)
	}
}

// Hits is how many requests have arrived for path, whatever their query. path
// may also be a whole address from URLFor. Paths compare decoded, as the
// server sees them, so "/a%2Fb" and "/a/b" are the same path here.
func (s *Server) Hits(path string) int {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	return s.stats.hits[decodedPath(path)]
}

// Requests is how many requests have arrived in all.
func (s *Server) Requests() int {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	return s.stats.total
}

// LastUserAgent is the User-Agent of the latest request, "" before any.
func (s *Server) LastUserAgent() string {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	return s.stats.userAgent
}

// InFlight is how many requests are being answered right now.
func (s *Server) InFlight() int {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	return s.stats.inFlight
}

// WaitIdle returns once no request is being answered, or with ctx's error.
// It lets a test check that cancelling a download really ended the request
// on the server side, without polling.
func (s *Server) WaitIdle(ctx context.Context) error {
	s.stats.mu.Lock()
	idle := s.stats.idle
	s.stats.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WaitRequests returns once n requests in all have arrived, or with ctx's
// error. A test uses it to act (cancel, close) only once the engine's request
// is really being answered, without polling or sleeping.
func (s *Server) WaitRequests(ctx context.Context, n int) error {
	for {
		s.stats.mu.Lock()
		total, arrived := s.stats.total, s.stats.arrived
		s.stats.mu.Unlock()
		if total >= n {
			return nil
		}
		select {
		case <-arrived:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// decodedPath turns a path or address into the decoded path a request for
// it has on the server.
func decodedPath(p string) string {
	if i := strings.Index(p, "://"); i >= 0 && !strings.Contains(p[:i], "/") {
		if u, err := url.Parse(p); err == nil {
			p = u.EscapedPath()
		}
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if d, err := url.PathUnescape(p); err == nil {
		return d
	}
	return p
}

// Order is the decoded paths of every request so far, in the order they
// arrived: tests assert what was asked for before what.
func (s *Server) Order() []string {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	return append([]string(nil), s.stats.order...)
}
