package journal

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// The writer commits a batch when it is batchInterval old, not before.
func TestBatchCommitsAfterInterval(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := mustOpen(t, t.TempDir())
		defer mustClose(t, j)
		j.Put(sample(1, 1))
		synctest.Wait()
		if n := committed(t, j); n != 0 {
			t.Fatalf("%d rows committed at once, want the batch to wait", n)
		}
		time.Sleep(batchInterval - time.Nanosecond)
		synctest.Wait()
		if n := committed(t, j); n != 0 {
			t.Fatalf("%d rows committed before the interval", n)
		}
		j.Put(sample(2, 1)) // joins the open batch; does not restart its clock
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if n := committed(t, j); n != 2 {
			t.Fatalf("%d rows committed after the interval, want 2", n)
		}
	})
}

// A full batch is committed at once, without waiting for the interval.
func TestBatchCommitsWhenFull(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := mustOpen(t, t.TempDir())
		defer mustClose(t, j)
		for id := 1; id < batchSize; id++ {
			j.Put(sample(id, 1))
		}
		synctest.Wait()
		if n := committed(t, j); n != 0 {
			t.Fatalf("%d rows committed before the batch was full", n)
		}
		j.Put(sample(batchSize, 1))
		synctest.Wait()
		if n := committed(t, j); n != batchSize {
			t.Fatalf("%d rows committed, want the full batch of %d", n, batchSize)
		}
	})
}

// Changes of one row while a batch is open become one write, and the
// batch never holds more than one change per row.
func TestBatchCoalesces(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := mustOpen(t, t.TempDir())
		defer mustClose(t, j)
		var before int
		if err := j.st.db.QueryRow(`SELECT total_changes()`).Scan(&before); err != nil {
			t.Fatal(err)
		}
		for version := 1; version <= 1000; version++ {
			for id := 1; id <= 10; id++ {
				j.Put(sample(id, version))
			}
		}
		j.Remove(3)
		j.mu.Lock()
		held := len(j.pending.ops)
		j.mu.Unlock()
		if held != 10 {
			t.Fatalf("the batch holds %d changes for 10 rows", held)
		}
		if err := j.Flush(); err != nil {
			t.Fatal(err)
		}
		var after int
		if err := j.st.db.QueryRow(`SELECT total_changes()`).Scan(&after); err != nil {
			t.Fatal(err)
		}
		// 9 rows written and one removal (of a row never written: no change).
		if after-before != 9 {
			t.Errorf("%d rows written for 10,000 changes of 10 rows, want 9", after-before)
		}
		var want []Record
		for id := 1; id <= 10; id++ {
			if id != 3 {
				want = append(want, sample(id, 1000))
			}
		}
		sameRecords(t, mustLoad(t, j), want)
	})
}

// A write the disk refuses is kept and tried again; nothing is lost, and
// Err says what is wrong while it lasts.
func TestWriteFailureRetried(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := mustOpen(t, t.TempDir())
		defer mustClose(t, j)
		j.Put(sample(1, 1))
		if err := j.Flush(); err != nil {
			t.Fatal(err)
		}
		// A database that may not grow: SQLite answers "disk full".
		var pages int
		if err := j.st.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
			t.Fatal(err)
		}
		if _, err := j.st.db.Exec(`PRAGMA max_page_count = ` + itoa(pages)); err != nil {
			t.Fatal(err)
		}
		var want []Record
		want = append(want, sample(1, 1))
		for id := 2; id <= 100; id++ { // fewer than a full batch
			r := sample(id, 1)
			r.URL += strings.Repeat("x", 8000)
			j.Put(r)
			want = append(want, r)
		}
		err := j.Flush()
		if err == nil || err.Error() != diskFullWords {
			t.Fatalf("Flush on a full disk: %v, want %q", err, diskFullWords)
		}
		if j.Err() == nil || j.Err().Error() != diskFullWords {
			t.Fatalf("Err: %v", j.Err())
		}
		// Changes made while the disk is full wait behind the failed ones.
		r := sample(1, 2)
		j.Put(r)
		want[0] = r

		// The disk has room again; the writer tries again by itself.
		if _, err := j.st.db.Exec(`PRAGMA max_page_count = 1000000`); err != nil {
			t.Fatal(err)
		}
		time.Sleep(retryInterval)
		synctest.Wait()
		if err := j.Err(); err != nil {
			t.Fatalf("Err after the disk has room again: %v", err)
		}
		if n := committed(t, j); n != len(want) {
			t.Fatalf("%d rows on disk, want %d", n, len(want))
		}
		sameRecords(t, mustLoad(t, j), want)
	})
}

// While the disk refuses writes, a full batch is tried again once per
// retryInterval, not once for every change made meanwhile.
func TestFullBatchRetriedOnlyOnItsClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := mustOpen(t, t.TempDir())
		defer mustClose(t, j)
		var pages int
		if err := j.st.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
			t.Fatal(err)
		}
		if _, err := j.st.db.Exec(`PRAGMA max_page_count = ` + itoa(pages)); err != nil {
			t.Fatal(err)
		}
		var writes int
		beforeWrite = func() { writes++ }
		defer func() { beforeWrite = nil }()
		for id := 1; id <= batchSize+50; id++ {
			r := sample(id, 1)
			r.URL += strings.Repeat("x", 8000)
			j.Put(r)
		}
		synctest.Wait()
		if j.Err() == nil {
			t.Fatal("the full disk was not noticed")
		}
		tried := writes
		for id := 1; id <= 50; id++ {
			j.Put(sample(id, 2))
			synctest.Wait()
		}
		if writes != tried {
			t.Errorf("%d more writes tried for 50 changes on a full disk, before the retry interval", writes-tried)
		}
		if _, err := j.st.db.Exec(`PRAGMA max_page_count = 1000000`); err != nil {
			t.Fatal(err)
		}
	})
}
