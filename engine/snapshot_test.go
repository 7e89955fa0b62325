package engine

import (
	"testing"
	"time"
)

// TestRunETAWaitsForTheSlowestTransfer: with most jobs finished quickly, a
// jobs-per-second estimate says "almost done", but one large transfer at
// 1 MB/s with 10 MB to go keeps the run going for 10 s more.
func TestRunETAWaitsForTheSlowestTransfer(t *testing.T) {
	e := newEngine(t, testConfig(t))
	now := time.Now()
	e.mu.Lock()
	e.phase = Running
	e.run = &runState{started: now.Add(-10 * time.Second), sched: newScheduler(4, 10)}
	for id := 1; id <= 10; id++ {
		j := &job{id: id, url: "https://example.com/" + string(rune('a'+id)), state: Saved}
		e.all = append(e.all, j)
		e.byID[id] = j
		e.counts[Saved]++
	}
	big := &job{id: 11, url: "https://example.com/big"}
	big.more().total = 20_000_000
	e.all = append(e.all, big)
	e.byID[11] = big
	e.counts[Queued]++
	e.setState(big, Downloading)
	big.done.Store(10_000_000)
	big.meter.observe(now.Add(-2*time.Second), 8_000_000)
	big.meter.observe(now, 10_000_000)
	totals := e.totals(now)
	e.phase = Idle
	e.mu.Unlock()
	if totals.ETA < 9*time.Second || totals.ETA > 11*time.Second {
		t.Errorf("ETA %v, want about 10 s", totals.ETA)
	}
}
