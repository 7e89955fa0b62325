package engine

import "time"

// rateMeter turns a growing byte count into a recent speed. It keeps a few
// samples at least sampleGap apart and measures over the last rateWindow, so
// a stalled transfer falls to zero within seconds instead of averaging out.
type rateMeter struct {
	samples [16]rateSample
	n, head int
}

type rateSample struct {
	at    time.Time
	bytes int64
}

const (
	sampleGap  = 100 * time.Millisecond
	rateWindow = 3 * time.Second
)

func (m *rateMeter) reset() { *m = rateMeter{} }

// observe records the count at now, unless the last sample is too recent.
func (m *rateMeter) observe(now time.Time, bytes int64) {
	if m.n > 0 {
		last := m.samples[(m.head+m.n-1)%len(m.samples)]
		if now.Sub(last.at) < sampleGap {
			return
		}
	}
	if m.n == len(m.samples) {
		m.head = (m.head + 1) % len(m.samples)
		m.n--
	}
	m.samples[(m.head+m.n)%len(m.samples)] = rateSample{now, bytes}
	m.n++
	// Forget samples older than the window, but keep two to measure with.
	for m.n > 2 && m.samples[m.head].at.Before(now.Add(-rateWindow)) {
		m.head = (m.head + 1) % len(m.samples)
		m.n--
	}
}

// rate is bytes per second between the oldest and newest sample kept.
func (m *rateMeter) rate() float64 {
	if m.n < 2 {
		return 0
	}
	first := m.samples[m.head]
	last := m.samples[(m.head+m.n-1)%len(m.samples)]
	dt := last.at.Sub(first.at).Seconds()
	if dt <= 0 || last.bytes <= first.bytes {
		return 0
	}
	return float64(last.bytes-first.bytes) / dt
}
