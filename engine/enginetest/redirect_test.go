package enginetest

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

func TestRedirectChain(t *testing.T) {
	s := New(t)
	c := newClient(t)
	var hops []string
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		hops = append(hops, req.URL.Path)
		return nil
	}
	resp, body := mustFetch(t, c, s.URLFor("/doc", Knobs{Redirect: 3, Size: 500}))
	if got := strings.Join(hops, " "); got != "/redir/2/doc /redir/1/doc /redir/0/doc" {
		t.Errorf("hops = %s", got)
	}
	if resp.StatusCode != 200 || !bytes.Equal(body, Body("/doc", 500)) {
		t.Errorf("final answer: %d, %d bytes, want the body of /doc", resp.StatusCode, len(body))
	}
	if s.Requests() != 4 || s.Hits("/doc") != 1 || s.Hits("/redir/0/doc") != 1 {
		t.Errorf("Requests = %d, Hits(/doc) = %d", s.Requests(), s.Hits("/doc"))
	}
}

func TestRedirectChainBeyondTheClientsLimit(t *testing.T) {
	s := New(t)
	_, _, err := fetch(t, newClient(t), s.URLFor("/far", Knobs{Redirect: 11}))
	if err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Errorf("err = %v, want net/http's redirect limit", err)
	}
}

func TestRedirectUsesA3xxStatus(t *testing.T) {
	s := New(t)
	c := noRedirects(t)
	for _, code := range []int{301, 302, 303, 307, 308} {
		resp, _ := mustFetch(t, c, s.URLFor("/moved", Knobs{Redirect: 1, Status: code}))
		if resp.StatusCode != code {
			t.Errorf("status = %d, want %d", resp.StatusCode, code)
		}
	}
	// With a non-redirect Status the chain still redirects, with 302.
	resp, _ := mustFetch(t, c, s.URLFor("/moved", Knobs{Redirect: 1, Status: 404}))
	if resp.StatusCode != 302 {
		t.Errorf("status = %d, want 302", resp.StatusCode)
	}
}

func TestRedirectLoop(t *testing.T) {
	s := New(t)
	addr := s.URLFor("/loop", Knobs{RedirectLoop: true})
	resp, _ := mustFetch(t, noRedirects(t), addr)
	if loc := resp.Header.Get("Location"); s.URL+loc != addr {
		t.Errorf("Location = %q, want the same address %q", loc, addr)
	}
	if _, _, err := fetch(t, newClient(t), addr); err == nil {
		t.Error("following a loop succeeded")
	}
	if s.Hits("/loop") < 10 {
		t.Errorf("Hits = %d, want the loop followed", s.Hits("/loop"))
	}
}

func TestRedirectToExactLocation(t *testing.T) {
	s := New(t)
	for _, to := range []string{"file:///etc/passwd", "ftp://example.com/x", "/elsewhere?a=%zz"} {
		resp, _ := mustFetch(t, noRedirects(t), s.URLFor("/r", Knobs{RedirectTo: to}))
		if resp.StatusCode != 302 || resp.Header.Get("Location") != to {
			t.Errorf("%d Location %q, want 302 to %q", resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
	if _, _, err := fetch(t, newClient(t), s.URLFor("/r", Knobs{RedirectTo: "file:///etc/passwd"})); err == nil {
		t.Error("a redirect to file:// was followed")
	}
}

func TestFailTimesIsNotInheritedByHops(t *testing.T) {
	s := New(t)
	c := newClient(t)
	addr := s.URLFor("/fr", Knobs{FailTimes: 1, Redirect: 2})
	if resp, _ := mustFetch(t, c, addr); resp.StatusCode != 503 {
		t.Fatalf("first GET: %d, want 503", resp.StatusCode)
	}
	resp, body := mustFetch(t, c, addr)
	if resp.StatusCode != 200 || !bytes.Equal(body, Body("/fr", DefaultSize)) {
		t.Errorf("retry: %d with %d bytes", resp.StatusCode, len(body))
	}
}
