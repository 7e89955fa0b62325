package enginetest

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"
)

func TestCloseUnblocksHang(t *testing.T) {
	s := New(t)
	c := newClient(t)
	resp, err := c.Get(s.URLFor("/stuck", Knobs{Hang: true, Size: 5000}))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	// The headers are here, so the handler is now hanging.
	within(t, 5*time.Second, "Close", s.Close)
	if _, err := io.ReadAll(resp.Body); err == nil {
		t.Error("body of a hanging answer read cleanly")
	}
	c.CloseIdleConnections()
	verifyNone(t)
}

func TestCloseUnblocksHangWithChunked(t *testing.T) {
	s := New(t)
	resp, err := newClient(t).Get(s.URLFor("/stuck", Knobs{Hang: true, Chunked: true}))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	within(t, 5*time.Second, "Close", s.Close)
	// A chunked answer ended cleanly would read as an empty body.
	if _, err := io.ReadAll(resp.Body); err == nil {
		t.Error("body of a hanging chunked answer read cleanly")
	}
}

func TestCloseUnblocksLatencyAndDrip(t *testing.T) {
	for _, k := range []Knobs{{Latency: time.Hour}, {Drip: time.Hour, Size: 5000}} {
		s := New(t)
		c := newClient(t)
		failed := make(chan error, 1)
		go func() {
			_, _, err := fetch(t, c, s.URLFor("/slow", k))
			failed <- err
		}()
		waitRequests(t, s, 1)
		within(t, 5*time.Second, "Close", s.Close)
		if err := <-failed; err == nil {
			t.Errorf("%+v: the request succeeded after Close", k)
		}
	}
	verifyNone(t)
}

func TestCloseUnblocksAWriterWhoseClientStoppedReading(t *testing.T) {
	s := New(t)
	resp, err := newClient(t).Get(s.URLFor("/huge", Knobs{Size: 1 << 30}))
	if err != nil {
		t.Fatal(err)
	}
	// Never read: the handler fills the socket buffers and blocks in Write.
	within(t, 5*time.Second, "Close", s.Close)
	resp.Body.Close()
	verifyNone(t)
}

func TestHandlerEndsWhenTheClientGoesAway(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for i, k := range []Knobs{{Hang: true}, {Drip: time.Hour, Size: 5000}, {Latency: time.Hour}} {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", s.URLFor("/gone", k), nil)
		done := make(chan struct{})
		go func() {
			defer close(done)
			if resp, err := c.Do(req); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
		waitRequests(t, s, i+1)
		cancel()
		<-done
		waitIdle(t, s)
	}
}

func TestCloseTwiceAndNoLeaks(t *testing.T) {
	s := New(t)
	mustFetch(t, newClient(t), s.URLFor("/x", Knobs{}))
	s.Close()
	s.Close()
	verifyNone(t)
}
