package enginetest

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"
)

// newClient is a client of the test's own, so its idle connections (and
// their goroutines) go away with the test.
func newClient(t testing.TB) *http.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// noRedirects is a client that returns redirects instead of following them.
func noRedirects(t *testing.T) *http.Client {
	c := newClient(t)
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}

// fetch GETs addr and reads the whole body, returning the read error too.
func fetch(t *testing.T, c *http.Client, addr string) (*http.Response, []byte, error) {
	t.Helper()
	resp, err := c.Get(addr)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

// mustFetch is fetch for answers that must arrive whole.
func mustFetch(t *testing.T, c *http.Client, addr string) (*http.Response, []byte) {
	t.Helper()
	resp, body, err := fetch(t, c, addr)
	if err != nil {
		t.Fatalf("GET %s: %v", addr, err)
	}
	return resp, body
}

// within fails the test if f has not returned after d: a guard so a broken
// unblocking path fails fast instead of hanging the whole test binary.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %v", what, d)
	}
}

// waitIdle waits until the server answers no request, failing after a while.
func waitIdle(t *testing.T, s *Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.WaitIdle(ctx); err != nil {
		t.Fatalf("server still answering %d request(s): %v", s.InFlight(), err)
	}
}

// waitRequests waits until n requests have reached the server.
func waitRequests(t *testing.T, s *Server, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.WaitRequests(ctx, n); err != nil {
		t.Fatalf("%d of %d requests arrived: %v", s.Requests(), n, err)
	}
}
