package engine

import (
	"math/rand/v2"
	"time"
)

// maxBackoff caps the wait between attempts when the server gave no hint.
const maxBackoff = 30 * time.Second

// backoff is the wait before attempt n+1 (n ≥ 1): base doubled per failed
// attempt, capped, with ±50% jitter so many workers do not retry in step.
// A server's Retry-After, when given, is used as it is.
func backoff(n int, base, serverAsked time.Duration) time.Duration {
	if serverAsked > 0 {
		return serverAsked
	}
	d := base << min(n-1, 20)
	if d <= 0 || d > maxBackoff {
		d = maxBackoff
	}
	return d/2 + rand.N(d)
}
