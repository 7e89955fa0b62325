package journal

import (
	"sync"
	"testing"
)

// BenchmarkPut is Put as the engine calls it: under the engine's lock,
// from several workers at once, on a list of 10,000 rows (so changes of
// one row coalesce while a batch is open), with the writer committing on
// the other core. Allocations include the writer's.
func BenchmarkPut(b *testing.B) {
	j := mustOpen(b, b.TempDir())
	defer mustClose(b, j)
	recs := make([]Record, 10000)
	for i := range recs {
		recs[i] = sample(i+1, 1)
	}
	var engineLock sync.Mutex
	var next int
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			engineLock.Lock()
			next++
			r := &recs[next%len(recs)]
			r.State = next
			j.Put(*r)
			engineLock.Unlock()
		}
	})
}

// BenchmarkPutAlone is the cost of the call itself, what the engine pays
// under its lock: a journal whose writer does not run, so the batch holds
// one change per row of a 10,000-row list and every Put coalesces.
func BenchmarkPutAlone(b *testing.B) {
	j := &Journal{pending: newBatch(), spare: newBatch(),
		wake: make(chan struct{}, 1), full: make(chan struct{}, 1)}
	recs := make([]Record, 10000)
	for i := range recs {
		recs[i] = sample(i+1, i%2) // half of them saved
		j.Put(recs[i])
	}
	var engineLock sync.Mutex
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		engineLock.Lock()
		r := &recs[i%len(recs)]
		r.Attempts = i
		j.Put(*r)
		engineLock.Unlock()
	}
}

// fill writes n rows to a new folder and closes it.
func fill(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	j := mustOpen(b, dir)
	for id := 1; id <= n; id++ {
		j.Put(sample(id, id%9))
	}
	mustClose(b, j)
	return dir
}

// BenchmarkOpenLoad100k is what starting on a folder of 100,000 rows
// costs: Open (lock, checks, read of every row) and the first Load.
func BenchmarkOpenLoad100k(b *testing.B) {
	dir := fill(b, 100000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		j := mustOpen(b, dir)
		if rows := mustLoad(b, j); len(rows) != 100000 {
			b.Fatalf("%d rows", len(rows))
		}
		mustClose(b, j)
	}
}

// BenchmarkLoad100k is a Load that reads the database (not the first one
// after Open): 100,000 rows.
func BenchmarkLoad100k(b *testing.B) {
	dir := fill(b, 100000)
	j := mustOpen(b, dir)
	defer mustClose(b, j)
	mustLoad(b, j)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if rows := mustLoad(b, j); len(rows) != 100000 {
			b.Fatalf("%d rows", len(rows))
		}
	}
}

// BenchmarkWrite is the writer's throughput: 10,000 changed rows put and
// flushed, in records committed per second.
func BenchmarkWrite(b *testing.B) {
	j := mustOpen(b, b.TempDir())
	defer mustClose(b, j)
	const n = 10000
	version := 0
	b.ResetTimer()
	for b.Loop() {
		version++
		for id := 1; id <= n; id++ {
			j.Put(sample(id, version))
		}
		if err := j.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkFlushOne is one change put and flushed: what a caller waits
// for when it needs a change on disk now (after Add, say).
func BenchmarkFlushOne(b *testing.B) {
	j := mustOpen(b, b.TempDir())
	defer mustClose(b, j)
	r := sample(1, 1)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.State = i
		j.Put(r)
		if err := j.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}
