package fetch

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/failure"
)

// TestWatchdogSpeedFloor checks the floor on a fake clock: a server
// trickling a byte every 20 s (never idle for 30 s) fails after one 60 s
// window, while 2 kB/s goes on for ever.
func TestWatchdogSpeedFloor(t *testing.T) {
	s := Settings{}.Defaults()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		dog := newWatchdog(s, cancel)
		start := time.Now()
		for ctx.Err() == nil && time.Since(start) < 10*time.Minute {
			time.Sleep(20 * time.Second)
			dog.got(1)
		}
		dog.stop()
		if !errors.Is(context.Cause(ctx), errTooSlow) || time.Since(start) > 2*time.Minute {
			t.Errorf("after %v: cause %v, want too slow within two windows", time.Since(start), context.Cause(ctx))
		}
	})
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		dog := newWatchdog(s, cancel)
		for range 600 {
			time.Sleep(time.Second)
			dog.got(2000)
		}
		dog.stop()
		if ctx.Err() != nil {
			t.Errorf("a steady 2 kB/s was cut: %v", context.Cause(ctx))
		}
	})
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		dog := newWatchdog(s, cancel)
		time.Sleep(31 * time.Second)
		dog.stop()
		if !errors.Is(context.Cause(ctx), errIdle) {
			t.Errorf("silence for 31 s: cause %v, want idle", context.Cause(ctx))
		}
	})
}

// TestSlowBodyFailsWithWords is the floor on a real server: a drip far
// below the floor fails as too slow, with words that say so.
func TestSlowBodyFailsWithWords(t *testing.T) {
	srv := enginetest.New(t)
	c := New(Settings{NoProxy: true, MinRate: 10_000, MinRateTime: 300 * time.Millisecond}, nil)
	defer c.CloseIdleConnections()
	_, err := get(t, c, srv.URLFor("/trickle", enginetest.Knobs{Size: 100000, Drip: 20 * time.Millisecond, DripChunk: 10}))
	var fe *failure.Error
	if !errors.As(err, &fe) || fe.Kind != failure.TooSlow || !strings.Contains(fe.Message(), "less than 10 kB/s for 0.3 s") {
		t.Fatalf("%v", err)
	}
}

// TestErrorBodiesAreBounded: an error page that never ends is read up to
// the cap (and recorded as cut), never to its end.
func TestErrorBodiesAreBounded(t *testing.T) {
	endless := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		chunk := []byte(strings.Repeat("oops ", 1000))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer endless.Close()
	rec := &recorder{}
	c := New(Settings{NoProxy: true, MaxErrorBody: 16 << 10}, rec)
	defer c.CloseIdleConnections()
	_, err := get(t, c, endless.URL)
	if kindOf(err) != failure.HTTPStatus {
		t.Fatal(err)
	}
	got := rec.all()
	if len(got) != 1 || got[0].ex.Truncated != "length" || len(got[0].payload) > 16<<10 {
		t.Fatalf("recorded %d, truncated %q, %d bytes", len(got), got[0].ex.Truncated, len(got[0].payload))
	}
}

// TestCancelEndsEveryTransfer: cancelling (Stop) ends a request in every
// state a server can hold it in. The time each took is logged; a hang
// fails the test.
func TestCancelEndsEveryTransfer(t *testing.T) {
	srv := enginetest.New(t)
	c := testClient(t, nil)
	for name, k := range map[string]enginetest.Knobs{
		"no answer":   {Latency: time.Hour},
		"hang":        {Hang: true},
		"drip":        {Size: 1 << 30, Drip: 50 * time.Millisecond, DripChunk: 100},
		"unasked 101": {Switch: true},
		"error body":  {Status: 500, Latency: 0, Hang: false, FailTimes: 0, Size: 10},
	} {
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		before := srv.Requests()
		go func() {
			sp := &dirSpool{dir: t.TempDir()}
			resp, err := c.Get(ctx, Request{URL: mustURL(t, srv.URLFor("/"+strings.ReplaceAll(name, " ", "-"), k)), MaxSize: 1 << 40, MemoryLimit: 1 << 20, Spool: sp})
			if resp != nil {
				resp.Body.Release()
			}
			done <- err
		}()
		if err := srv.WaitRequests(t.Context(), before+1); err != nil {
			t.Fatal(err)
		}
		asked := time.Now()
		cancel()
		select {
		case <-done:
			t.Logf("%s: ended %v after the cancel", name, time.Since(asked))
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still running 10 s after the cancel", name)
		}
	}
}

// TestOddNetworkErrorsReadPlainly covers the fallbacks for errors whose
// codes the errno checks do not know (as on Windows).
func TestOddNetworkErrorsReadPlainly(t *testing.T) {
	c := New(Settings{}, nil)
	odd := errors.New("wsarecv: something Windows says")
	for op, want := range map[string]failure.Kind{"dial": failure.Refused, "read": failure.Reset} {
		got := c.classify(&net.OpError{Op: op, Net: "tcp", Err: odd}, nil)
		if got.Kind != want || !got.Retryable() || strings.Contains(got.Message(), "wsarecv") {
			t.Errorf("%s: %v", op, got)
		}
	}
	if got := c.classify(io.ErrUnexpectedEOF, nil); got.Kind != failure.Truncated {
		t.Errorf("unexpected EOF: %v", got)
	}
}

func TestRetryAfterIsParsed(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":     0,
		"5":    5 * time.Second,
		"3600": time.Hour,
		"-3":   0,
		"soon": 0,
		now.Add(20 * time.Second).Format(http.TimeFormat): 20 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):       0,
	} {
		if got := RetryAfter(v, now); got != want {
			t.Errorf("RetryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}
