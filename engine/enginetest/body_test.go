package enginetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
	"testing/iotest"
)

func TestBodyIsDeterministicAndDependsOnPath(t *testing.T) {
	a, b := Body("/a", 5000), Body("/a", 5000)
	if !bytes.Equal(a, b) {
		t.Fatal("two calls gave different bodies")
	}
	if bytes.Equal(a, Body("/b", 5000)) {
		t.Fatal("different paths gave the same body")
	}
	if len(a) != 5000 {
		t.Fatalf("len = %d, want 5000", len(a))
	}
}

func TestBodyIsAPrefixOfLongerBodies(t *testing.T) {
	long := Body("/p", 3*period+17)
	for _, n := range []int64{0, 1, 63, 64, period - 1, period, period + window, period + window + 1, 2*period + 5} {
		if !bytes.Equal(Body("/p", n), long[:n]) {
			t.Errorf("Body(/p, %d) is not a prefix of the longer body", n)
		}
	}
}

func TestBodyEmptyForZeroOrNegativeSize(t *testing.T) {
	for _, n := range []int64{0, -5} {
		if b := Body("/x", n); len(b) != 0 {
			t.Errorf("Body(/x, %d) has %d bytes", n, len(b))
		}
	}
}

func TestBodyReaderKeepsTheReaderContract(t *testing.T) {
	const n = 2*period + window + 99
	if err := iotest.TestReader(BodyReader("/r", n), Body("/r", n)); err != nil {
		t.Fatal(err)
	}
}

func TestBodyReaderWriteToMatchesBody(t *testing.T) {
	const n = 3*period + 1234
	var buf bytes.Buffer
	got, err := BodyReader("/w", n).(io.WriterTo).WriteTo(&buf)
	if err != nil || got != n {
		t.Fatalf("WriteTo = %d, %v", got, err)
	}
	if !bytes.Equal(buf.Bytes(), Body("/w", n)) {
		t.Fatal("WriteTo wrote other bytes than Body")
	}
}

func TestBodySHA256MatchesBody(t *testing.T) {
	for _, n := range []int64{0, 1, 1024, period + window + 3} {
		sum := sha256.Sum256(Body("/h", n))
		if got, want := BodySHA256("/h", n), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("BodySHA256(/h, %d) = %s, want %s", n, got, want)
		}
	}
}
