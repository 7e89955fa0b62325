package journal

import (
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
