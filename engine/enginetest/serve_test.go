package enginetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"net/http"
	"strings"
	"testing"
)

func TestDefaultAnswer(t *testing.T) {
	s := New(t)
	resp, body := mustFetch(t, newClient(t), s.URLFor("/index.html", Knobs{}))
	if resp.StatusCode != 200 {
		t.Errorf("status = %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != DefaultContentType {
		t.Errorf("Content-Type = %q", ct)
	}
	if resp.ContentLength != DefaultSize {
		t.Errorf("ContentLength = %d", resp.ContentLength)
	}
	if !bytes.Equal(body, Body("/index.html", DefaultSize)) {
		t.Error("body differs from Body")
	}
}

func TestSize(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for _, k := range []Knobs{{Size: -1}, {Size: 1}, {Size: 100_000}} {
		resp, body := mustFetch(t, c, s.URLFor("/sized", k))
		if !bytes.Equal(body, Body("/sized", k.BodySize())) || resp.ContentLength != k.BodySize() {
			t.Errorf("Size %d: got %d bytes, ContentLength %d", k.Size, len(body), resp.ContentLength)
		}
	}
}

func TestLargeBodyMatchesBodySHA256(t *testing.T) {
	s := New(t)
	const size = 8<<20 + 3
	resp, err := newClient(t).Get(s.URLFor("/big.iso", Knobs{Size: size}))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	h := sha256.New()
	n, err := io.Copy(h, resp.Body)
	if err != nil || n != size {
		t.Fatalf("read %d bytes, %v", n, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != BodySHA256("/big.iso", size) {
		t.Error("served bytes differ from BodySHA256")
	}
}

func TestHeadHasHeadersOnly(t *testing.T) {
	s := New(t)
	resp, err := newClient(t).Head(s.URLFor("/h", Knobs{Size: 5000}))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.ContentLength != 5000 {
		t.Errorf("ContentLength = %d", resp.ContentLength)
	}
}

func TestContentType(t *testing.T) {
	s := New(t)
	c := newClient(t)
	resp, _ := mustFetch(t, c, s.URLFor("/a.pdf", Knobs{ContentType: "application/pdf"}))
	if got := resp.Header.Get("Content-Type"); got != "application/pdf" {
		t.Errorf("Content-Type = %q", got)
	}
	resp, _ = mustFetch(t, c, s.URLFor("/none", Knobs{ContentType: NoContentType}))
	if got, ok := resp.Header["Content-Type"]; ok {
		t.Errorf("Content-Type sent: %q", got)
	}
}

func TestStatus(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for _, k := range []Knobs{{Status: 404}, {Status: 500}, {Status: 429, RetryAfter: "7"}, {Status: 503, RetryAfter: "Wed, 21 Oct 2015 07:28:00 GMT"}} {
		resp, body := mustFetch(t, c, s.URLFor("/s", k))
		if resp.StatusCode != k.Status {
			t.Errorf("status = %d, want %d", resp.StatusCode, k.Status)
		}
		if got := resp.Header.Get("Retry-After"); got != k.RetryAfter {
			t.Errorf("Retry-After = %q, want %q", got, k.RetryAfter)
		}
		if len(body) == 0 || len(body) >= DefaultSize {
			t.Errorf("status %d: body of %d bytes, want a short one", k.Status, len(body))
		}
	}
	resp, body := mustFetch(t, c, s.URLFor("/s", Knobs{Status: 204}))
	if resp.StatusCode != 204 || len(body) != 0 {
		t.Errorf("204: %d with %d bytes", resp.StatusCode, len(body))
	}
	resp, body = mustFetch(t, c, s.URLFor("/s", Knobs{Status: 203, Size: 10}))
	if resp.StatusCode != 203 || !bytes.Equal(body, Body("/s", 10)) {
		t.Errorf("203: %d with %q", resp.StatusCode, body)
	}
}

func TestFailTimesThenSuccess(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for _, tc := range []struct {
		k    Knobs
		fail int
	}{
		{Knobs{FailTimes: 2}, 503},
		{Knobs{FailTimes: 2, Status: 200}, 503},
		{Knobs{FailTimes: 3, Status: 429, RetryAfter: "1"}, 429},
	} {
		addr := s.URLFor("/flaky", tc.k)
		for i := range tc.k.FailTimes {
			resp, _ := mustFetch(t, c, addr)
			if resp.StatusCode != tc.fail || resp.Header.Get("Retry-After") != tc.k.RetryAfter {
				t.Errorf("%+v attempt %d: %d Retry-After %q", tc.k, i+1, resp.StatusCode, resp.Header.Get("Retry-After"))
			}
		}
		for range 2 {
			resp, body := mustFetch(t, c, addr)
			if resp.StatusCode != 200 || !bytes.Equal(body, Body("/flaky", DefaultSize)) {
				t.Errorf("%+v after failures: %d with %d bytes", tc.k, resp.StatusCode, len(body))
			}
		}
	}
	if got := s.Hits("/flaky"); got != 2+2+2+2+3+2 {
		t.Errorf("Hits = %d", got)
	}
}

func TestFailTimesCountsPerAddress(t *testing.T) {
	s := New(t)
	c := newClient(t)
	k := Knobs{FailTimes: 1}
	for _, addr := range []string{s.URLFor("/one", k), s.URLFor("/two", k), s.URLFor("/one?v=2", k)} {
		if resp, _ := mustFetch(t, c, addr); resp.StatusCode != 503 {
			t.Errorf("first GET %s: %d, want 503", addr, resp.StatusCode)
		}
		if resp, _ := mustFetch(t, c, addr); resp.StatusCode != 200 {
			t.Errorf("second GET %s: %d, want 200", addr, resp.StatusCode)
		}
	}
}

func TestHostilePathsGetTheirBody(t *testing.T) {
	s := New(t)
	c := newClient(t)
	long := "/" + strings.Repeat("very-long-name-", 200)
	for _, tc := range []struct{ path, decoded string }{
		{"/../../x", "/../../x"},
		{"/CON", "/CON"},
		{"/a%2Fb", "/a/b"},
		{"/日本語/ページ", "/日本語/ページ"},
		{"/%E6%97%A5", "/日"},
		{"/a b", "/a b"},
		{"//double", "//double"},
		{long, long},
	} {
		resp, body := mustFetch(t, c, s.URLFor(tc.path, Knobs{Size: 300}))
		if resp.StatusCode != 200 || !bytes.Equal(body, Body(tc.decoded, 300)) {
			t.Errorf("%.40q: %d, body matches: %v", tc.path, resp.StatusCode, bytes.Equal(body, Body(tc.decoded, 300)))
		}
		if got := s.Hits(tc.path); got != 1 {
			t.Errorf("Hits(%.40q) = %d", tc.path, got)
		}
	}
}

func TestPathsAreDistinctAndServed(t *testing.T) {
	s := New(t)
	c := newClient(t)
	addrs := s.Paths(50, Knobs{Size: 10})
	seen := map[string]bool{}
	for i, addr := range addrs {
		seen[addr] = true
		if _, body := mustFetch(t, c, addr); len(body) != 10 {
			t.Errorf("page %d: %d bytes", i, len(body))
		}
		if s.Hits(addr) != 1 {
			t.Errorf("Hits(%s) = %d", addr, s.Hits(addr))
		}
	}
	if len(seen) != 50 {
		t.Errorf("%d distinct addresses of 50", len(seen))
	}
}

func TestRequestsAndUserAgent(t *testing.T) {
	s := New(t)
	if s.LastUserAgent() != "" || s.Requests() != 0 {
		t.Fatal("a new server has seen requests")
	}
	c := newClient(t)
	for _, ua := range []string{"first/1", "pagekeeper/0.1"} {
		req, _ := http.NewRequest("GET", s.URLFor("/ua", Knobs{}), nil)
		req.Header.Set("User-Agent", ua)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if got := s.LastUserAgent(); got != "pagekeeper/0.1" {
		t.Errorf("LastUserAgent = %q", got)
	}
	if s.Requests() != 2 || s.Hits("/ua") != 2 {
		t.Errorf("Requests = %d, Hits = %d", s.Requests(), s.Hits("/ua"))
	}
}

func TestDisposition(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for _, name := range []string{"report.pdf", "../../x", "CON", strings.Repeat("n", 300) + ".txt", "résumé 履歴書.pdf", `quo"te\back.txt`} {
		resp, _ := mustFetch(t, c, s.URLFor("/d", Knobs{Disposition: name}))
		typ, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
		if err != nil || typ != "attachment" || params["filename"] != name {
			t.Errorf("%.40q: header %q parses to %q %q %v", name, resp.Header.Get("Content-Disposition"), typ, params["filename"], err)
		}
	}
	raw := `attachment; filename="unterminated`
	resp, _ := mustFetch(t, c, s.URLFor("/d", Knobs{DispositionRaw: raw, Disposition: "ignored"}))
	if got := resp.Header.Get("Content-Disposition"); got != raw {
		t.Errorf("raw disposition = %q", got)
	}
}
