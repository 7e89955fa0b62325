package engine

import (
	"testing"
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
