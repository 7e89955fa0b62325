package warc

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"pagekeeper/engine/capture"
	"pagekeeper/engine/warc/warctest"
)

const benchExchanges = 2000

// smallExchanges are 2,000 small exchanges (2 to 6 KiB of HTML each, all
// different, so none is a revisit).
func smallExchanges() []*capture.Exchange {
	exs := make([]*capture.Exchange, benchExchanges)
	for i := range exs {
		body := []byte(fmt.Sprintf("<!doctype html><title>Page %d</title><p>%s</p>", i, make([]byte, 2048+(i%4)*1024)))
		exs[i] = warctest.Synthetic(fmt.Sprintf("https://example.com/pages/%d.html", i), 200,
			[]string{"Content-Type: text/html; charset=utf-8", "Server: bench"}, body)
	}
	return exs
}

func recordAll(b *testing.B, dir string, exs []*capture.Exchange) {
	r, err := Open(dir, testInfo)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, ex := range exs {
		if err := r.Record(ctx, ex); err != nil {
			b.Fatal(err)
		}
	}
	if err := r.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRecord2000 records 2,000 small exchanges and closes the file.
func BenchmarkRecord2000(b *testing.B) {
	exs := smallExchanges()
	for b.Loop() {
		recordAll(b, filepath.Join(b.TempDir(), "archive"), exs)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchExchanges), "µs/exchange")
}

// BenchmarkBuildWACZ2000 packages the WARC of 2,000 small exchanges.
func BenchmarkBuildWACZ2000(b *testing.B) {
	out := b.TempDir()
	exs := smallExchanges()
	recordAll(b, filepath.Join(out, "archive"), exs)
	pages := make([]Page, len(exs))
	for i, ex := range exs {
		pages[i] = Page{URL: ex.TargetURI, Title: fmt.Sprint("Page ", i), TS: time.Now()}
	}
	for b.Loop() {
		if err := BuildWACZ(out, "bench", pages); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchExchanges), "µs/exchange")
}

// generatedPayload is a large payload made on the fly, never held whole.
type generatedPayload struct {
	size int64
	sum  [32]byte
}

func newGeneratedPayload(size int64) *generatedPayload {
	p := &generatedPayload{size: size}
	h := sha256.New()
	rc, _ := p.Open()
	io.Copy(h, rc)
	copy(p.sum[:], h.Sum(nil))
	return p
}

func (p *generatedPayload) Open() (io.ReadCloser, error) {
	return io.NopCloser(io.LimitReader(rand.NewChaCha8([32]byte{9}), p.size)), nil
}
func (p *generatedPayload) Size() int64      { return p.size }
func (p *generatedPayload) SHA256() [32]byte { return p.sum }

// BenchmarkRecordLargePayload records one 64 MiB payload: B/op shows that
// it is streamed, not held in memory.
func BenchmarkRecordLargePayload(b *testing.B) {
	p := newGeneratedPayload(64 << 20)
	for b.Loop() {
		ex := warctest.Synthetic("https://example.com/big.bin", 200, []string{"Content-Type: application/octet-stream"}, nil)
		ex.Payload = p
		recordAll(b, filepath.Join(b.TempDir(), "archive"), []*capture.Exchange{ex})
	}
	b.SetBytes(p.size)
}
