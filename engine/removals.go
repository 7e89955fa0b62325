package engine

// removalLog remembers which jobs were removed at which version, so
// Changes can tell a window which rows to drop. It is bounded: a caller
// asking about versions older than what it still holds gets a full
// snapshot instead.
type removalLog struct {
	entries []removal
	floor   uint64 // versions at or below this are no longer covered
}

type removal struct {
	version uint64
	id      int
}

// maxRemovals bounds the log; clearing 100,000 rows at once still works,
// the next poll then simply gets the whole list.
const maxRemovals = 50000

func (l *removalLog) add(version uint64, id int) {
	if len(l.entries) >= maxRemovals {
		half := len(l.entries) / 2
		l.floor = l.entries[half-1].version
		l.entries = append(l.entries[:0], l.entries[half:]...)
	}
	l.entries = append(l.entries, removal{version, id})
}

// forgetUpTo makes every caller asking about a version up to v get a
// full snapshot: the whole list changed (another folder's list).
func (l *removalLog) forgetUpTo(v uint64) {
	l.entries = l.entries[:0]
	l.floor = v
}

// since returns the IDs removed after version v, and false when the log no
// longer reaches back that far.
func (l *removalLog) since(v uint64) ([]int, bool) {
	if v < l.floor {
		return nil, false
	}
	var ids []int
	for i := len(l.entries) - 1; i >= 0 && l.entries[i].version > v; i-- {
		ids = append(ids, l.entries[i].id)
	}
	return ids, true
}
