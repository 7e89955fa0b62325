package fetch

import (
	"crypto/sha256"
	"math/rand/v2"
	"testing"
)

// TestBGHashDigestsInOrder: chunks of every size, larger than a buffer
// too, come out as the digest of the bytes in the order written.
func TestBGHashDigestsInOrder(t *testing.T) {
	data := make([]byte, 3<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	g := newBGHash(sha256.New())
	for rest := data; len(rest) > 0; {
		n := min(len(rest), 1+rng.IntN(200<<10))
		g.Write(rest[:n])
		clear(rest[:n]) // the reader reuses its buffer at once
		rest = rest[n:]
	}
	rng = rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	if want := sha256.Sum256(data); string(g.Sum()) != string(want[:]) {
		t.Error("digest differs")
	}
}

// TestBGHashStopsWhenGivenUp: a body given up while arriving leaves no
// goroutine behind (goleak checks the package).
func TestBGHashStopsWhenGivenUp(t *testing.T) {
	g := newBGHash(sha256.New())
	g.Write(make([]byte, 100<<10))
	g.stop()
	g.stop()
}
