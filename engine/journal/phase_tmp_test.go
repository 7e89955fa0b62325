package journal

import (
	"path/filepath"
	"testing"
	"time"
)

func BenchmarkPhasesTmp(b *testing.B) {
	dir := fill(b, 100000)
	for range 3 {
		t0 := time.Now()
		st, err := openStore(filepath.Join(dir, ".pagekeeper", "session.db"), true)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		var s string
		st.db.QueryRow("PRAGMA quick_check").Scan(&s)
		t2 := time.Now()
		rows, _ := st.readAll()
		t3 := time.Now()
		_ = buildSavedIndex(rows)
		t4 := time.Now()
		b.Logf("open+check %v, quick_check %v, readAll %v, index %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3))
		st.close()
	}
}
