package enginetest

import (
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Server is a loopback HTTP server whose every response is shaped by the
// query string of the request, so one server serves every test case.
type Server struct {
	// URL is the base address, such as http://127.0.0.1:PORT, with no
	// trailing slash.
	URL string

	ts        *httptest.Server
	done      chan struct{} // closed by Close, to unblock waiting handlers
	closeOnce sync.Once
	log       *testLog
	stats     stats
}

// New starts a Server and closes it when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	tl := &testLog{tb: t}
	s := Start(tl)
	s.log = tl
	t.Cleanup(s.Close)
	return s
}

// Start starts a Server outside a test, such as the window smoke test's
// (see cmd/testserver); net/http's complaints go to logw. Call Close when done.
func Start(logw io.Writer) *Server {
	s := &Server{done: make(chan struct{})}
	s.stats.init()
	s.ts = httptest.NewUnstartedServer(s)
	s.ts.Config.ErrorLog = log.New(logw, "enginetest server: ", 0)
	s.ts.Start()
	s.URL = s.ts.URL
	return s
}

// Close stops the server and returns once every handler and connection has
// finished, so nothing it started outlives it. Handlers that are hanging,
// dripping or waiting out a latency are cut short. Close may be called more
// than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		// A handler blocked writing to a client that no longer reads cannot
		// see done; closing its connection is the only way to free it, and
		// httptest's Close waits for active requests.
		s.ts.CloseClientConnections()
		s.ts.Close()
		if s.log != nil {
			s.log.stop()
		}
	})
}

// URLFor is the address of path with k in its query string. path is used as
// it is (raw or already escaped, "/" added in front if missing); it may carry
// a query of its own but no fragment.
func (s *Server) URLFor(path string, k Knobs) string {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	q := k.Encode()
	switch {
	case q == "":
		return s.URL + path
	case strings.Contains(path, "?"):
		return s.URL + path + "&" + q
	}
	return s.URL + path + "?" + q
}

// Paths is n distinct addresses, /page/0 to /page/n-1, all with knobs k: a
// list for the many-small-pages benchmarks.
func (s *Server) Paths(n int, k Knobs) []string {
	addrs := make([]string, n)
	for i := range addrs {
		addrs[i] = s.URLFor(fmt.Sprintf("/page/%d", i), k)
	}
	return addrs
}
