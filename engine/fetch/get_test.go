package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"syscall"
	"testing"

	"pagekeeper/engine/capture"
	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/failure"
)

func kindOf(err error) failure.Kind {
	var fe *failure.Error
	if errors.As(err, &fe) {
		return fe.Kind
	}
	return 255
}

// TestEveryExchangeIsCaptured follows two redirect hops to a gzipped page:
// three exchanges, each with its heads as on the wire, the final payload
// still compressed, and a decoded view that gives the page.
func TestEveryExchangeIsCaptured(t *testing.T) {
	srv := enginetest.New(t)
	rec := &recorder{}
	c := testClient(t, rec)
	u := srv.URLFor("/story", enginetest.Knobs{Redirect: 2, Gzip: true, Size: 30000})
	resp, err := get(t, c, u)
	if err != nil {
		t.Fatal(err)
	}
	got := rec.all()
	if len(got) != 3 {
		t.Fatalf("%d exchanges, want 2 hops and the page", len(got))
	}
	for i, k := range got[:2] {
		if k.ex.Status != http.StatusFound || !bytes.Contains(k.ex.Response, []byte("Location: ")) {
			t.Errorf("hop %d: status %d, head %q", i, k.ex.Status, k.ex.Response)
		}
	}
	last := got[2]
	for _, want := range []string{"GET /redir/0/story?", "Host: 127.0.0.1:", "Accept-Encoding: gzip\r\n", "User-Agent: Pagekeeper\r\n"} {
		if !bytes.Contains(last.ex.Request, []byte(want)) {
			t.Errorf("request head lacks %q:\n%s", want, last.ex.Request)
		}
	}
	if !bytes.HasSuffix(last.ex.Request, []byte("\r\n\r\n")) || !bytes.HasPrefix(last.ex.Response, []byte("HTTP/1.1 200 OK\r\n")) ||
		!bytes.HasSuffix(last.ex.Response, []byte("\r\n\r\n")) {
		t.Errorf("heads not framed:\n%q\n%q", last.ex.Request, last.ex.Response)
	}
	if bytes.Contains(last.ex.Response, []byte("Transfer-Encoding")) || !bytes.Contains(last.ex.Response, []byte("Content-Encoding: gzip")) {
		t.Errorf("response head %q", last.ex.Response)
	}
	if last.ex.RemoteIP != "127.0.0.1" || last.ex.TargetURI != resp.FinalURL.String() || last.ex.Started.IsZero() {
		t.Errorf("exchange %+v", last.ex)
	}
	zr, err := gzip.NewReader(bytes.NewReader(last.payload))
	if err != nil {
		t.Fatalf("the payload is not the compressed bytes: %v", err)
	}
	plain, _ := io.ReadAll(zr)
	want := enginetest.Body("/story", 30000)
	if !bytes.Equal(plain, want) {
		t.Error("the payload does not decompress to the page")
	}
	if resp.Body.Size() != int64(len(last.payload)) || resp.Body.SHA256() != sha256.Sum256(last.payload) {
		t.Error("the body's size or digest is not the payload's")
	}
	r, _ := resp.Body.Decoded()
	content, _ := io.ReadAll(r)
	if !bytes.Equal(content, want) {
		t.Error("the decoded view is not the page")
	}
}

// TestLoginGoesOnlyToItsSite: the login in an address is sent to that site,
// never to the site a redirect leads to, and never stored.
func TestLoginGoesOnlyToItsSite(t *testing.T) {
	var other, first string
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other = r.Header.Get("Authorization")
		io.WriteString(w, "elsewhere")
	}))
	defer elsewhere.Close()
	home := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		first = r.Header.Get("Authorization")
		http.Redirect(w, r, elsewhere.URL+"/landing", http.StatusFound)
	}))
	defer home.Close()
	rec := &recorder{}
	c := testClient(t, rec)
	u := strings.Replace(home.URL, "http://", "http://ada:s3cret@", 1) + "/private"
	if _, err := get(t, c, u); err != nil {
		t.Fatal(err)
	}
	if first == "" || !strings.HasPrefix(first, "Basic ") {
		t.Errorf("the site of the address got no login: %q", first)
	}
	if other != "" {
		t.Errorf("the login leaked to the redirect's site: %q", other)
	}
	for _, k := range rec.all() {
		if strings.Contains(k.ex.TargetURI, "s3cret") || bytes.Contains(k.ex.Request, []byte(first[6:])) {
			t.Errorf("the password reached the record: %s\n%s", k.ex.TargetURI, k.ex.Request)
		}
	}
	if h := rec.all()[0].ex.Request; !bytes.Contains(h, []byte("Authorization: Basic ***\r\n")) {
		t.Errorf("request head %q", h)
	}
}

func TestRefusalsHaveKinds(t *testing.T) {
	srv := enginetest.New(t)
	c := New(Settings{NoProxy: true, MaxHeaderBytes: 64 << 10}, nil)
	defer c.CloseIdleConnections()
	https := strings.Replace(srv.URLFor("/plain", enginetest.Knobs{}), "http://", "https://", 1)
	for name, tc := range map[string]struct {
		url  string
		want failure.Kind
	}{
		"huge headers":    {srv.URLFor("/flood", enginetest.Knobs{HeaderBytes: 1 << 20}), failure.HeadersTooLarge},
		"unasked 101":     {srv.URLFor("/switch", enginetest.Knobs{Switch: true}), failure.UnexpectedSwitch},
		"https to http":   {https, failure.NotSecure},
		"not found":       {srv.URLFor("/gone", enginetest.Knobs{Status: 404}), failure.HTTPStatus},
		"redirect loop":   {srv.URLFor("/loop", enginetest.Knobs{RedirectLoop: true}), failure.TooManyRedirects},
		"redirect to ftp": {srv.URLFor("/ftp", enginetest.Knobs{RedirectTo: "ftp://example.com/"}), failure.RedirectNotWeb},
		"refused":         {"http://127.0.0.1:1/", failure.Refused},
		"cut short":       {srv.URLFor("/cut", enginetest.Knobs{Size: 100000, ResetAfter: 1000}), failure.Truncated},
	} {
		_, err := get(t, c, tc.url)
		if kindOf(err) != tc.want {
			t.Errorf("%s: %v (kind %d), want kind %d", name, err, kindOf(err), tc.want)
		}
		var fe *failure.Error
		if errors.As(err, &fe) && strings.Contains(fe.Message(), "http: ") {
			t.Errorf("%s: Go's words reach a person: %q", name, fe.Message())
		}
	}
}

func TestRetryAfterAndStatusAreKept(t *testing.T) {
	srv := enginetest.New(t)
	c := testClient(t, nil)
	_, err := get(t, c, srv.URLFor("/busy", enginetest.Knobs{Status: 429, RetryAfter: "30"}))
	var fe *failure.Error
	if !errors.As(err, &fe) || fe.Status != 429 || fe.RetryAfter.Seconds() != 30 || !fe.PausesSite() {
		t.Fatalf("%#v", err)
	}
}

func TestSizeCapCountsTheWire(t *testing.T) {
	srv := enginetest.New(t)
	c := testClient(t, nil)
	sp := &dirSpool{dir: t.TempDir()}
	for _, k := range []enginetest.Knobs{{Size: 20000}, {Size: 20000, Chunked: true}} {
		_, err := c.Get(t.Context(), Request{URL: mustURL(t, srv.URLFor("/big", k)), MaxSize: 10000, MemoryLimit: 1000, Spool: sp})
		if kindOf(err) != failure.TooLarge {
			t.Errorf("%+v: %v", k, err)
		}
	}
	if f := sp.files(t); len(f) != 0 {
		t.Errorf("temporary files left: %v", f)
	}
}

// TestBodySpillsAndIsReleased: past the memory limit the body moves to a
// file, readable many times at once; the last Release removes it, unless
// the file was taken to be kept as it is.
func TestBodySpillsAndIsReleased(t *testing.T) {
	srv := enginetest.New(t)
	c := testClient(t, nil)
	sp := &dirSpool{dir: t.TempDir()}
	u := mustURL(t, srv.URLFor("/spill", enginetest.Knobs{Size: 300000}))
	resp, err := c.Get(t.Context(), Request{URL: u, MaxSize: 1 << 20, MemoryLimit: 64 << 10, Spool: sp})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Body.InMemory() || len(sp.files(t)) != 1 {
		t.Fatalf("in memory %v, files %v", resp.Body.InMemory(), sp.files(t))
	}
	a, _ := resp.Body.Open()
	b, _ := resp.Body.Open()
	ba, _ := io.ReadAll(a)
	bb, _ := io.ReadAll(b)
	if !bytes.Equal(ba, bb) || !bytes.Equal(ba, enginetest.Body("/spill", 300000)) {
		t.Error("readers disagree or differ from the page")
	}
	if resp.Body.SHA256() != sha256.Sum256(ba) {
		t.Error("the digest of a spilled body (hashed as it arrived, on another core) is wrong")
	}
	resp.Body.Retain()
	resp.Body.Release()
	if len(sp.files(t)) != 1 {
		t.Error("a hold was still on, yet the file went")
	}
	resp.Body.Release()
	if f := sp.files(t); len(f) != 0 {
		t.Errorf("the last release left %v", f)
	}

	resp, err = c.Get(t.Context(), Request{URL: u, MaxSize: 1 << 20, MemoryLimit: 64 << 10, Spool: sp})
	if err != nil {
		t.Fatal(err)
	}
	name, _, ok := resp.Body.TakeFile()
	resp.Body.Release()
	if !ok || len(sp.files(t)) != 1 {
		t.Errorf("a taken file must stay: %q %v", name, sp.files(t))
	}
}

// TestLargeBodyDigest: a body past the size where hashing moves to a
// second core still gets the digest of its bytes.
func TestLargeBodyDigest(t *testing.T) {
	srv := enginetest.New(t)
	c := testClient(t, nil)
	sp := &dirSpool{dir: t.TempDir()}
	size := int64(bgHashAfter + 1<<20 + 17)
	u := mustURL(t, srv.URLFor("/large", enginetest.Knobs{Size: size}))
	resp, err := c.Get(t.Context(), Request{URL: u, MaxSize: 1 << 30, MemoryLimit: 64 << 10, Spool: sp})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Release()
	if resp.Body.SHA256() != sha256.Sum256(enginetest.Body("/large", size)) {
		t.Error("the digest of a large body is wrong")
	}
}

// brokenArchive is a web archive that can no longer be written, as after
// its disk filled up.
type brokenArchive struct{}

func (brokenArchive) Record(context.Context, *capture.Exchange) error {
	return &fs.PathError{Op: "write", Path: "archive.warc.gz", Err: syscall.ENOSPC}
}

// TestArchiveFailureIsNotAStop: a page whose exchange the web archive
// cannot take fails with the archive's reason, not as "Stopped".
func TestArchiveFailureIsNotAStop(t *testing.T) {
	srv := enginetest.New(t)
	_, err := get(t, testClient(t, brokenArchive{}), srv.URLFor("/p", enginetest.Knobs{Size: 100}))
	if k := kindOf(err); k != failure.DiskFull {
		t.Errorf("kind %v (%v), want DiskFull", k, err)
	}
}

// TestClosedSpilledBodiesHoldNoHandle: bodies a run keeps until it ends
// let go of their file once complete, yet read as before, decoded or not,
// and the file goes with the last Release.
func TestClosedSpilledBodiesHoldNoHandle(t *testing.T) {
	srv := enginetest.New(t)
	c := testClient(t, nil)
	sp := &dirSpool{dir: t.TempDir()}
	openFiles := func() int {
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd here")
		}
		return len(fds)
	}
	before := openFiles()
	var bodies []*Body
	for i := range 50 {
		path := fmt.Sprintf("/res/%d", i)
		u := mustURL(t, srv.URLFor(path, enginetest.Knobs{Size: 3000, Gzip: i%2 == 0}))
		resp, err := c.Get(t.Context(), Request{URL: u, MaxSize: 1 << 20, Spool: sp, CloseSpilled: true})
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, resp.Body)
	}
	c.CloseIdleConnections()
	if n := openFiles() - before; n > 5 {
		t.Errorf("%d more files open with 50 bodies kept", n)
	}
	for i, b := range bodies {
		for range 3 {
			rc, err := b.Decoded()
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Equal(got, enginetest.Body(fmt.Sprintf("/res/%d", i), 3000)) {
				t.Fatalf("body %d reads wrong", i)
			}
		}
	}
	if n := openFiles() - before; n > 5 {
		t.Errorf("%d more files open after reading", n)
	}
	for _, b := range bodies {
		b.Release()
	}
	if f := sp.files(t); len(f) != 0 {
		t.Errorf("left behind: %v", f)
	}
}
