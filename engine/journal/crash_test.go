package journal

import (
	"reflect"
	"testing"
)

// A helper process changes the list as fast as it can and is killed with
// SIGKILL at different moments: right after it starts (inside Open, maybe
// while the database is being made), and after it told 0 to 30 times that
// it put a round, flushed one, or (from its writer) committed a batch.
// After each kill the list must open without being taken for damaged,
// every row must be whole, and the list must be exactly what the helper's
// changes made up to some point no earlier than its last Flush: a crash
// loses only changes not yet committed, and a commit is all or nothing.
func TestCrashLosesOnlyUncommittedChanges(t *testing.T) {
	modes := []struct {
		name, mode string
		env        []string
	}{
		{"WAL", "wal", nil},
		{"WAL, slow disk", "wal", []string{helperSlowEnv + "=1"}},
		{"rollback journal", "delete", []string{helperWALEnv + "=1"}},
		{"rollback journal, slow disk", "delete", []string{helperWALEnv + "=1", helperSlowEnv + "=1"}},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			if m.mode == "delete" {
				defer func(was func(string) bool) { networkShare = was }(networkShare)
				networkShare = func(string) bool { return true }
			}
			dir := t.TempDir()
			for i, lines := range []int{-1, 0, 1, 3, 6, 11, 19, 30} {
				// Every other time, the kill waits for the next Flush to
				// return, so it lands while nothing is left to write.
				atFlush := i%2 == 1
				before := openAndLoad(t, dir, m.mode)
				h := startHelper(t, "churn", dir, m.env...)
				flushed := startRound(before)
				if lines >= 0 {
					h.ready(t)
				}
				for n := 1; lines >= 0; n++ {
					word, round := h.line(t)
					switch {
					case word == "flushed" && round > flushed:
						flushed = round
					case word != "put" && word != "committed":
						t.Fatalf("the helper said %q %d after round %d", word, round, flushed)
					}
					if n >= lines && (!atFlush || word == "flushed") {
						break
					}
				}
				h.kill(t)
				after := openAndLoad(t, dir, m.mode)
				lost := checkPrefix(t, before, after, flushed)
				t.Logf("killed after %d lines (-1: at start): rounds %d..%d on disk, %d changes committed after the last flush",
					lines, startRound(before), startRound(after), lost)
			}
		})
	}
}

// openAndLoad opens dir as the engine would after a crash (no notice
// allowed: a crash must not look like damage) and reads the list.
func openAndLoad(t *testing.T, dir, mode string) []Record {
	t.Helper()
	j := mustOpen(t, dir)
	defer mustClose(t, j)
	if j.st.mode != mode {
		t.Fatalf("journal mode %q, want %q", j.st.mode, mode)
	}
	return mustLoad(t, j)
}

// checkPrefix checks that after is before with the churn helper's changes
// applied up to some point at or after the end of round flushed, and that
// every row is whole. It returns how many changes past that round were
// on disk.
func checkPrefix(t *testing.T, before, after []Record, flushed int) int {
	t.Helper()
	loaded := map[int]int{}
	for _, r := range after {
		if want := sample(r.ID, r.State); !reflect.DeepEqual(normal([]Record{r}), normal([]Record{want})) {
			t.Fatalf("row %d is not whole:\ngot  %+v\nwant %+v", r.ID, r, want)
		}
		loaded[r.ID] = r.State
	}
	model := map[int]int{}
	for _, r := range before {
		model[r.ID] = r.State
	}
	same := func(id int) bool {
		mv, mok := model[id]
		lv, lok := loaded[id]
		return mok == lok && mv == lv
	}
	differ := 0
	for id := range model {
		if !same(id) {
			differ++
		}
	}
	for id := range loaded {
		if _, ok := model[id]; !ok {
			differ++
		}
	}
	// Replay the helper's changes one by one, keeping count of the rows
	// where the replay and the disk differ.
	n, match, flushedAt := 0, -1, 0
	if differ == 0 {
		match = 0
	}
	change := func(id int, apply func()) {
		was := same(id)
		apply()
		switch now := same(id); {
		case was && !now:
			differ++
		case !was && now:
			differ--
		}
		n++
		if differ == 0 {
			match = n
		}
	}
	first, last := startRound(before)+1, startRound(after)
	for r := first; r <= last; r++ {
		churnOps(r,
			func(rec Record) { change(rec.ID, func() { model[rec.ID] = rec.State }) },
			func(id int) { change(id, func() { delete(model, id) }) })
		if r == flushed {
			flushedAt = n
		}
	}
	if match < 0 {
		t.Fatalf("the list on disk is not the helper's changes up to any point (rounds %d..%d)", first, last)
	}
	if match < flushedAt {
		t.Fatalf("the list on disk stops %d changes before the helper's last Flush", flushedAt-match)
	}
	return match - flushedAt
}
