package listfile

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"pagekeeper/engine/address"
)

// bigListSize is the size of the generated list: the 50 MB list that
// peaked at 1.4–1.9 GB when it was read into one string.
const bigListSize = 50 << 20

// writeBigList writes a plain text list of distinct addresses, with some
// comments, duplicates and bad lines, of about size bytes.
func writeBigList(tb testing.TB, size int64) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	var n int64
	for i := 0; n < size; i++ {
		var k int
		switch i % 20 {
		case 0:
			k, _ = fmt.Fprintf(w, "# part %d\n", i)
		case 1:
			k, _ = w.WriteString("https://example.com/\n")
		case 2:
			k, _ = fmt.Fprintf(w, "not an address %d\n", i)
		default:
			k, _ = fmt.Fprintf(w, "https://www.site%d.example.com/blog/%d/post-%d.html?ref=list\n", i%5000, i/5000, i)
		}
		n += int64(k)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return path
}

// heapPeak samples the live heap; ReadMemStats stops the world, so it is
// called every few thousand entries, not for each.
type heapPeak struct{ base, peak uint64 }

func newHeapPeak() *heapPeak {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return &heapPeak{base: ms.HeapAlloc, peak: ms.HeapAlloc}
}

func (h *heapPeak) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.peak = max(h.peak, ms.HeapAlloc)
}

// grown is the peak heap above what was in use at the start.
func (h *heapPeak) grown() uint64 { return h.peak - h.base }

// readBig reads the list at path entry by entry; with parse it also
// judges every entry with an address.Parser in batches, as the engine
// adds a file, keeping what the parser keeps (every distinct address).
func readBig(tb testing.TB, path string, parse bool) (h *heapPeak, entries, accepted int) {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	h = newHeapPeak()
	l, err := Open(f, "big.txt")
	if err != nil {
		tb.Fatal(err)
	}
	p := address.NewParser(0)
	var batch address.Parsed
	for n, text := range l.Entries(context.Background()) {
		entries++
		if parse {
			p.Entry(n, text, &batch)
			if len(batch.Accepted)+len(batch.Rejected) >= 1024 {
				accepted += len(batch.Accepted)
				batch.Accepted, batch.Rejected = batch.Accepted[:0], batch.Rejected[:0]
			}
		}
		if entries%4096 == 0 {
			h.sample()
		}
	}
	accepted += len(batch.Accepted)
	h.sample()
	if l.Err() != nil {
		tb.Fatal(l.Err())
	}
	runtime.KeepAlive(p)
	return h, entries, accepted
}

// TestMemory50MB checks that reading a 50 MB list holds a few buffers,
// not copies of the file, and that judging it all keeps well under four
// times its size (what stays is the distinct addresses themselves).
func TestMemory50MB(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 50 MB file")
	}
	path := writeBigList(t, bigListSize)
	h, entries, _ := readBig(t, path, false)
	t.Logf("reading %d entries: heap peak +%.1f MB for a %d MB file", entries, float64(h.grown())/(1<<20), bigListSize>>20)
	if h.grown() > bigListSize/4 {
		t.Errorf("reading alone grew the heap by %d bytes, over a quarter of the file", h.grown())
	}
	h, entries, accepted := readBig(t, path, true)
	t.Logf("reading and judging %d entries (%d addresses kept): heap peak +%.1f MB (%.2f× the file)",
		entries, accepted, float64(h.grown())/(1<<20), float64(h.grown())/bigListSize)
	if accepted < entries*3/4 {
		t.Errorf("only %d of %d entries accepted", accepted, entries)
	}
	if h.grown() > 4*bigListSize {
		t.Errorf("reading and judging grew the heap by %d bytes, over 4× the file", h.grown())
	}
}

// BenchmarkRead50MB reports the peak heap of reading a 50 MB list in
// three ways: streamed entries alone, streamed and judged as the engine
// will add a file, and the old way (the whole file read into a string
// and given to address.Parse).
func BenchmarkRead50MB(b *testing.B) {
	path := writeBigList(b, bigListSize)
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(bigListSize)
		var h *heapPeak
		for b.Loop() {
			h, _, _ = readBig(b, path, false)
		}
		b.ReportMetric(float64(h.grown())/(1<<20), "peak-MB")
	})
	b.Run("stream+parse", func(b *testing.B) {
		b.SetBytes(bigListSize)
		var h *heapPeak
		for b.Loop() {
			h, _, _ = readBig(b, path, true)
		}
		b.ReportMetric(float64(h.grown())/(1<<20), "peak-MB")
	})
	b.Run("readall+Parse", func(b *testing.B) {
		b.SetBytes(bigListSize)
		var h *heapPeak
		for b.Loop() {
			h = newHeapPeak()
			f, _ := os.Open(path)
			data, _ := io.ReadAll(f)
			f.Close()
			h.sample()
			text := string(data)
			h.sample()
			p := address.Parse(text)
			h.sample()
			runtime.KeepAlive(data)
			runtime.KeepAlive(p)
		}
		b.ReportMetric(float64(h.grown())/(1<<20), "peak-MB")
	})
}
