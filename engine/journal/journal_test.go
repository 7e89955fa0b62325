package journal

import (
	"sync"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	if rows := mustLoad(t, j); len(rows) != 0 {
		t.Fatalf("a new list has %d rows", len(rows))
	}
	var want []Record
	for id := 1; id <= 50; id++ {
		r := sample(id, id%7)
		j.Put(r)
		want = append(want, r)
	}
	empty := sample(51, 1)
	empty.Files, empty.URL, empty.FinalURL = nil, "", ""
	j.Put(empty)
	want = append(want, empty)
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	sameRecords(t, mustLoad(t, j), want)
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
}

func TestRemoveKept(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	for id := 1; id <= 10; id++ {
		j.Put(sample(id, 1))
	}
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	j.Remove(3, 5)
	j.Put(sample(3, 2)) // a late state change of a removed row
	j.Put(sample(11, 1))
	j = reopen(t, j, dir)
	var want []Record
	for id := 1; id <= 11; id++ {
		if id != 3 && id != 5 {
			want = append(want, sample(id, 1))
		}
	}
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
}

func TestClear(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	for id := 1; id <= 10; id++ {
		j.Put(sample(id, 2))
	}
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	j.Put(sample(4, 3)) // pending when Clear comes: cleared too
	j.Remove(7)
	if err := j.Clear(); err != nil {
		t.Fatal(err)
	}
	if rows := mustLoad(t, j); len(rows) != 0 {
		t.Fatalf("%d rows after Clear", len(rows))
	}
	// A fresh list starts its IDs again; a removed ID is no longer held back.
	j.Put(sample(7, 1))
	j.Put(sample(1, 1))
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1), sample(7, 1)})
	mustClose(t, j)
}

func TestLoadAfterChanges(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	j.Put(sample(1, 1))
	j.Put(sample(2, 1))
	j = reopen(t, j, dir)
	// Changes between Open and Load are in what Load returns.
	j.Put(sample(2, 2))
	j.Put(sample(3, 1))
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1), sample(2, 2), sample(3, 1)})
	sameRecords(t, mustLoad(t, j), []Record{sample(1, 1), sample(2, 2), sample(3, 1)})
	mustClose(t, j)
}

func TestConcurrentUse(t *testing.T) {
	dir := t.TempDir()
	j := mustOpen(t, dir)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for v := 1; v <= 300; v++ {
				for id := w*25 + 1; id <= w*25+25; id++ {
					j.Put(sample(id, v))
				}
				if v%50 == 0 {
					if err := j.Flush(); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	j = reopen(t, j, dir)
	var want []Record
	for id := 1; id <= 100; id++ {
		want = append(want, sample(id, 300))
	}
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
}
