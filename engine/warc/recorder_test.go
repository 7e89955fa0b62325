package warc

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
	"pagekeeper/engine/capture"
	"pagekeeper/engine/warc/warctest"
)

var testInfo = Info{Software: "Pagekeeper", Version: "test", PageFormat: "complete", Settings: map[string]string{"download workers": "4", "user agent": "Pagekeeper-test"}}

// recordSite fetches every path of the site (the page twice, and two
// addresses with the same image) and records the exchanges.
func recordSite(t *testing.T, r *Recorder, site *warctest.Site, rel *warctest.Releases) []*capture.Exchange {
	t.Helper()
	ctx := context.Background()
	client := warctest.Client()
	paths := []string{warctest.RedirectPath, warctest.PagePath, warctest.GzipPath, warctest.ImagePath, warctest.SameImage,
		warctest.ChunkedPath, warctest.MissingPath, warctest.PagePath}
	var exs []*capture.Exchange
	for _, p := range paths {
		ex, err := warctest.Get(ctx, client, site.URL+p)
		if err != nil {
			t.Fatal(err)
		}
		rel.Track(ex)
		exs = append(exs, ex)
		if err := r.Record(ctx, ex); err != nil {
			t.Fatal(err)
		}
	}
	client.CloseIdleConnections()
	return exs
}

func TestRecordLoopbackSiteReadsBackStrictly(t *testing.T) {
	site := warctest.NewSite()
	defer site.Close()
	dir := filepath.Join(t.TempDir(), "archive")
	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	var rel warctest.Releases
	exs := recordSite(t, r, site, &rel)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for i, c := range rel.Counts() {
		if c != 1 {
			t.Errorf("exchange %d released %d times", i, c)
		}
	}

	recs := readAll(t, dir)
	ids := byID(recs)
	var responses, revisits []readRecord
	for _, rec := range recs {
		switch rec.typ {
		case gowarc.Response:
			responses = append(responses, rec)
		case gowarc.Revisit:
			revisits = append(revisits, rec)
		}
	}
	// The page fetched twice and the image at a second address are
	// revisits; everything else, the 404 and the redirect included, is a
	// response.
	if len(responses) != 6 || len(revisits) != 2 {
		t.Fatalf("got %d responses and %d revisits, want 6 and 2", len(responses), len(revisits))
	}
	wantPayload := func(uri string) []byte {
		return site.Bodies[strings.TrimPrefix(uri, site.URL)]
	}
	for _, rec := range append(responses, revisits...) {
		h := rec.header
		uri := h.Get(gowarc.WarcTargetURI)
		if strings.ContainsAny(uri, "<>") || !strings.HasPrefix(uri, site.URL) {
			t.Errorf("WARC-Target-URI %q", uri)
		}
		if h.Get(gowarc.WarcIPAddress) != "127.0.0.1" {
			t.Errorf("%s: WARC-IP-Address %q", uri, h.Get(gowarc.WarcIPAddress))
		}
		if h.Get(gowarc.ContentType) != mimeResponse {
			t.Errorf("%s: Content-Type %q", uri, h.Get(gowarc.ContentType))
		}
		if !strings.HasPrefix(h.Get(gowarc.WarcBlockDigest), "sha256:") {
			t.Errorf("%s: block digest %q", uri, h.Get(gowarc.WarcBlockDigest))
		}
		// The request is linked both ways with WARC-Concurrent-To.
		req, ok := ids[h.Get(gowarc.WarcConcurrentTo)]
		if !ok || req.typ != gowarc.Request || req.header.Get(gowarc.WarcConcurrentTo) != h.Get(gowarc.WarcRecordID) {
			t.Errorf("%s: no request paired with WARC-Concurrent-To", uri)
		} else {
			if req.header.Get(gowarc.WarcTargetURI) != uri || req.header.Get(gowarc.ContentType) != mimeRequest {
				t.Errorf("%s: request record %v", uri, req.header)
			}
			if !bytes.HasPrefix(req.head, []byte("GET ")) {
				t.Errorf("%s: request head %q", uri, req.head)
			}
		}
		body := wantPayload(uri)
		if uri == site.URL+warctest.RedirectPath {
			// http.Redirect writes its own small body: compare with
			// what the client received.
			body = exs[0].Payload.(*warctest.MemoryPayload).Bytes()
		}
		if len(body) == 0 {
			t.Fatalf("%s: no expected body", uri)
		}
		if got := h.Get(gowarc.WarcPayloadDigest); got != sha(body) {
			t.Errorf("%s: payload digest %s, want %s", uri, got, sha(body))
		}
		if rec.typ == gowarc.Response && !bytes.Equal(rec.payload, body) {
			t.Errorf("%s: payload differs from what the server sent (%d bytes, want %d)", uri, len(rec.payload), len(body))
		}
		if !isHTTPHead(rec.head) {
			t.Errorf("%s: response head %q", uri, rec.head)
		}
	}
	for _, rv := range revisits {
		h := rv.header
		if h.Get(gowarc.WarcProfile) != gowarc.ProfileIdenticalPayloadDigestV1_1 {
			t.Errorf("revisit profile %q", h.Get(gowarc.WarcProfile))
		}
		orig, ok := ids[h.Get(gowarc.WarcRefersTo)]
		if !ok || orig.typ != gowarc.Response {
			t.Fatalf("revisit of %s refers to no response", h.Get(gowarc.WarcTargetURI))
		}
		if h.Get(gowarc.WarcRefersToTargetURI) != orig.header.Get(gowarc.WarcTargetURI) ||
			h.Get(gowarc.WarcRefersToDate) != orig.header.Get(gowarc.WarcDate) ||
			h.Get(gowarc.WarcPayloadDigest) != orig.header.Get(gowarc.WarcPayloadDigest) {
			t.Errorf("revisit %v does not match its original %v", h, orig.header)
		}
	}
	// Specific exchanges: the gzip body stays compressed, the 404 and the
	// redirect are kept with their status.
	statuses := map[string]string{}
	for _, rec := range responses {
		statuses[strings.TrimPrefix(rec.header.Get(gowarc.WarcTargetURI), site.URL)] = string(bytes.SplitN(rec.head, []byte(" "), 3)[1])
		if strings.HasSuffix(rec.header.Get(gowarc.WarcTargetURI), warctest.GzipPath) && !bytes.Contains(rec.head, []byte("Content-Encoding: gzip")) {
			t.Errorf("gzip response lost its Content-Encoding: %q", rec.head)
		}
		if strings.HasSuffix(rec.header.Get(gowarc.WarcTargetURI), warctest.ChunkedPath) && bytes.Contains(bytes.ToLower(rec.head), []byte("transfer-encoding")) {
			t.Errorf("chunked response keeps Transfer-Encoding: %q", rec.head)
		}
	}
	if statuses[warctest.MissingPath] != "404" || statuses[warctest.RedirectPath] != "302" {
		t.Errorf("statuses %v", statuses)
	}
	if len(exs) != 8 {
		t.Fatal(len(exs))
	}
}

func TestRevisitRefersToEarlierRun(t *testing.T) {
	dir := t.TempDir()
	img := bytes.Repeat([]byte("same bytes "), 100)
	record := func(target string) {
		r, err := Open(dir, testInfo)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Record(context.Background(), warctest.Synthetic(target, 200, []string{"Content-Type: image/png"}, img)); err != nil {
			t.Fatal(err)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
	record("http://example.com/a.png")
	record("http://example.com/b.png")
	recs := readAll(t, dir)
	var kinds []string
	for _, r := range recs {
		kinds = append(kinds, r.typ.String())
	}
	want := "warcinfo response request warcinfo revisit request"
	if strings.Join(kinds, " ") != want {
		t.Fatalf("records %v, want %s", kinds, want)
	}
	rv := recs[4].header
	if rv.Get(gowarc.WarcRefersToTargetURI) != "http://example.com/a.png" || rv.Get(gowarc.WarcRefersToDate) != recs[1].header.Get(gowarc.WarcDate) {
		t.Errorf("revisit refers to %q at %q", rv.Get(gowarc.WarcRefersToTargetURI), rv.Get(gowarc.WarcRefersToDate))
	}
}

func TestEmptyAndTruncatedPayloadsAreNotRevisits(t *testing.T) {
	dir := t.TempDir()
	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		r.Record(ctx, warctest.Synthetic("http://example.com/empty", 204, nil, nil))
		ex := warctest.Synthetic("http://example.com/cut", 200, []string{"Content-Length: 100"}, []byte("only part"))
		ex.Truncated = "disconnect"
		r.Record(ctx, ex)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for _, rec := range readAll(t, dir) {
		if rec.typ == gowarc.Revisit {
			t.Errorf("revisit for %s", rec.header.Get(gowarc.WarcTargetURI))
		}
		if rec.typ == gowarc.Response && strings.HasSuffix(rec.header.Get(gowarc.WarcTargetURI), "/cut") && rec.header.Get(gowarc.WarcTruncated) != "disconnect" {
			t.Errorf("truncated payload without WARC-Truncated: %v", rec.header)
		}
	}
}
