package enginetest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"
)

func TestChunkedHasNoContentLength(t *testing.T) {
	s := New(t)
	for _, size := range []int64{10, 100_000} {
		resp, body := mustFetch(t, newClient(t), s.URLFor("/c", Knobs{Chunked: true, Size: size}))
		if resp.ContentLength != -1 || len(resp.TransferEncoding) != 1 || resp.TransferEncoding[0] != "chunked" {
			t.Errorf("size %d: ContentLength %d, TransferEncoding %q", size, resp.ContentLength, resp.TransferEncoding)
		}
		if !bytes.Equal(body, Body("/c", size)) {
			t.Errorf("size %d: body differs", size)
		}
	}
}

func TestResetAfterTruncates(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for _, tc := range []struct {
		k    Knobs
		want int64
	}{
		{Knobs{Size: 10_000, ResetAfter: 3000}, 3000},
		{Knobs{Size: 10_000, ResetAfter: 3000, Chunked: true}, 3000},
		{Knobs{Size: 10_000, ResetAfter: 3000, Drip: time.Microsecond, DripChunk: 700}, 3000},
		{Knobs{Size: 10_000, ResetAfter: -1}, 0},
		{Knobs{Size: 200_000, ResetAfter: 150_001}, 150_001},
	} {
		resp, body, err := fetch(t, c, s.URLFor("/reset", tc.k))
		if resp == nil {
			t.Fatalf("%+v: no answer: %v", tc.k, err)
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%+v: err = %v, want io.ErrUnexpectedEOF", tc.k, err)
		}
		if !bytes.Equal(body, Body("/reset", tc.want)) {
			t.Errorf("%+v: got %d bytes, want the first %d", tc.k, len(body), tc.want)
		}
	}
}

func TestResetAfterBeyondTheBodyIsHarmless(t *testing.T) {
	s := New(t)
	_, body := mustFetch(t, newClient(t), s.URLFor("/short", Knobs{Size: 100, ResetAfter: 101}))
	if len(body) != 100 {
		t.Errorf("got %d bytes", len(body))
	}
}

func TestResetHardGivesAnError(t *testing.T) {
	s := New(t)
	_, _, err := fetch(t, newClient(t), s.URLFor("/rst", Knobs{Size: 100_000, ResetAfter: 5000, ResetHard: true}))
	if err == nil {
		t.Fatal("a reset connection read cleanly")
	}
	t.Logf("client saw: %v", err)
}

func TestWrongLength(t *testing.T) {
	s := New(t)
	c := newClient(t)
	resp, body, err := fetch(t, c, s.URLFor("/liar", Knobs{Size: 5000, WrongLength: 100}))
	if resp == nil || resp.ContentLength != 5100 {
		t.Fatalf("announced %v, want 5100 (err %v)", resp, err)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) || !bytes.Equal(body, Body("/liar", 5000)) {
		t.Errorf("got %d bytes and %v, want 5000 then io.ErrUnexpectedEOF", len(body), err)
	}
	// Lying low cannot be detected: a clean, short body.
	resp, body = mustFetch(t, c, s.URLFor("/liar", Knobs{Size: 5000, WrongLength: -1000}))
	if resp.ContentLength != 4000 || !bytes.Equal(body, Body("/liar", 4000)) {
		t.Errorf("announced %d, got %d bytes, want 4000", resp.ContentLength, len(body))
	}
}

func TestDripDeliversEverything(t *testing.T) {
	s := New(t)
	k := Knobs{Size: 5000, Drip: 2 * time.Millisecond, DripChunk: 1000}
	start := time.Now()
	_, body := mustFetch(t, newClient(t), s.URLFor("/slow", k))
	if !bytes.Equal(body, Body("/slow", 5000)) {
		t.Errorf("got %d bytes, want all 5000", len(body))
	}
	// Five pieces mean four pauses; only the lower bound is reliable.
	if elapsed := time.Since(start); elapsed < 4*k.Drip {
		t.Errorf("took %v, want at least %v", elapsed, 4*k.Drip)
	}
}

func TestDripWithGzip(t *testing.T) {
	s := New(t)
	_, body := mustFetch(t, newClient(t), s.URLFor("/slowgz", Knobs{Size: 50_000, Drip: time.Microsecond, DripChunk: 100, Gzip: true}))
	if !bytes.Equal(body, Body("/slowgz", 50_000)) {
		t.Errorf("got %d bytes", len(body))
	}
}

func TestLatencyDelaysTheHeaders(t *testing.T) {
	s := New(t)
	start := time.Now()
	mustFetch(t, newClient(t), s.URLFor("/late", Knobs{Latency: 30 * time.Millisecond}))
	if elapsed := time.Since(start); elapsed < 30*time.Millisecond {
		t.Errorf("answered after %v", elapsed)
	}
}

func TestGzipWhenAccepted(t *testing.T) {
	s := New(t)
	addr := s.URLFor("/z.html", Knobs{Gzip: true, Size: 100_000})
	want := Body("/z.html", 100_000)

	// The default transport asks for gzip and decompresses on its own.
	resp, body := mustFetch(t, newClient(t), addr)
	if !resp.Uncompressed || !bytes.Equal(body, want) {
		t.Errorf("transparent: Uncompressed %v, %d bytes", resp.Uncompressed, len(body))
	}

	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	defer raw.Transport.(*http.Transport).CloseIdleConnections()
	for _, tc := range []struct {
		accept string
		gzip   bool
	}{{"gzip", true}, {"br, GZIP;q=0.5", true}, {"gzip;q=0", false}, {"", false}, {"identity", false}} {
		req, _ := http.NewRequest("GET", addr, nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		resp, err := raw.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = resp.Body
		if got := resp.Header.Get("Content-Encoding") == "gzip"; got != tc.gzip {
			t.Errorf("Accept-Encoding %q: gzip = %v", tc.accept, got)
		} else if got {
			if r, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatal(err)
			}
		}
		body, err := io.ReadAll(r)
		resp.Body.Close()
		if err != nil || !bytes.Equal(body, want) {
			t.Errorf("Accept-Encoding %q: %d bytes, %v", tc.accept, len(body), err)
		}
	}
}

func TestGzipShortBodyIsChunkedToo(t *testing.T) {
	s := New(t)
	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	defer raw.Transport.(*http.Transport).CloseIdleConnections()
	req, _ := http.NewRequest("GET", s.URLFor("/tiny", Knobs{Gzip: true, Size: 10}), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := raw.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.ContentLength != -1 {
		t.Errorf("ContentLength = %d, want none", resp.ContentLength)
	}
}
