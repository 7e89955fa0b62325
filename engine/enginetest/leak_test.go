package enginetest

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package when any goroutine outlives the tests.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// verifyNone fails t if goroutines other than the testing machinery's are
// still running. Tests calling it must not run in parallel.
func verifyNone(t *testing.T) {
	t.Helper()
	goleak.VerifyNone(t)
}
