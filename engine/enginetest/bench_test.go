package enginetest

import (
	"io"
	"testing"
)

func BenchmarkLargeBody(b *testing.B) {
	s := New(b)
	tr := newClient(b)
	const size = 256 << 20
	addr := s.URLFor("/big", Knobs{Size: size})
	b.SetBytes(size)
	for b.Loop() {
		resp, err := tr.Get(addr)
		if err != nil {
			b.Fatal(err)
		}
		if n, err := io.Copy(io.Discard, resp.Body); err != nil || n != size {
			b.Fatalf("read %d bytes, %v", n, err)
		}
		resp.Body.Close()
	}
}

func BenchmarkSmallPages(b *testing.B) {
	s := New(b)
	c := newClient(b)
	addrs := s.Paths(2000, Knobs{Size: 4096})
	i := 0
	for b.Loop() {
		resp, err := c.Get(addrs[i%len(addrs)])
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		i++
	}
}

func BenchmarkBodySHA256(b *testing.B) {
	const size = 64 << 20
	b.SetBytes(size)
	for b.Loop() {
		BodySHA256("/sum", size)
	}
}
