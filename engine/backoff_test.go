package engine

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"testing/synctest"
	"time"
)

func TestBackoffDoublesWithJitterAndCap(t *testing.T) {
	for n, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 10: maxBackoff, 100: maxBackoff} {
		for range 200 {
			got := backoff(n, time.Second, 0)
			if got < want/2 || got >= want*3/2 {
				t.Fatalf("backoff(%d) = %v, want within ±50%% of %v", n, got, want)
			}
		}
	}
	if got := backoff(1, time.Second, 7*time.Second); got != 7*time.Second {
		t.Errorf("a server's Retry-After is used as given: %v", got)
	}
}

func TestRetryAfterIsParsedAndCapped(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":     0,
		"5":    5 * time.Second,
		"3600": 60 * time.Second,
		"-3":   0,
		"soon": 0,
		now.Add(20 * time.Second).Format(http.TimeFormat): 20 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):       0,
	} {
		if got := retryAfter(v, now, 60*time.Second); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestSleepCtxWaitsOrStops checks the wait between attempts in a synctest
// bubble: the full wait passes on the fake clock, and a cancel ends it early.
func TestSleepCtxWaitsOrStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		if !sleepCtx(context.Background(), 42*time.Second) || time.Since(start) != 42*time.Second {
			t.Errorf("waited %v", time.Since(start))
		}
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			time.Sleep(3 * time.Second)
			cancel()
		}()
		start = time.Now()
		if sleepCtx(ctx, time.Minute) || time.Since(start) != 3*time.Second {
			t.Errorf("a canceled wait took %v", time.Since(start))
		}
	})
}

func TestRateMeterFollowsRecentSpeed(t *testing.T) {
	var m rateMeter
	t0 := time.Unix(0, 0)
	for i := range 20 {
		m.observe(t0.Add(time.Duration(i)*200*time.Millisecond), int64(i)*200_000)
	}
	if r := m.rate(); r < 990_000 || r > 1_010_000 {
		t.Errorf("rate %v, want 1 MB/s", r)
	}
	// Stalled for 5 s: the recent speed must fall to zero.
	for i := 20; i < 45; i++ {
		m.observe(t0.Add(time.Duration(i)*200*time.Millisecond), 19*200_000)
	}
	if r := m.rate(); r != 0 {
		t.Errorf("stalled rate %v, want 0", r)
	}
}

// TestNetErrorsReadPlainly covers the system-independent fallbacks: a dial
// or read failure whose code the errno checks do not know (as on Windows).
func TestNetErrorsReadPlainly(t *testing.T) {
	cfg := Config{}.Defaults()
	odd := errors.New("wsarecv: something Windows says")
	for op, want := range map[string]string{
		"dial": "Could not connect to the server",
		"read": "The server cut the connection off",
	} {
		got := describeNetError(&net.OpError{Op: op, Net: "tcp", Err: odd}, cfg)
		if got.msg != want || !got.retry {
			t.Errorf("%s: %q (retry %v), want %q", op, got.msg, got.retry, want)
		}
	}
}
