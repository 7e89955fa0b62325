package enginetest

import (
	"strings"
	"sync"
	"testing"
)

// testLog sends net/http's server complaints to the test log, where they help
// explain a failure, and drops them once the server has closed because
// logging after a test has finished panics.
type testLog struct {
	mu      sync.Mutex
	tb      testing.TB
	stopped bool
}

func (l *testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.stopped {
		l.tb.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

func (l *testLog) stop() {
	l.mu.Lock()
	l.stopped = true
	l.mu.Unlock()
}
