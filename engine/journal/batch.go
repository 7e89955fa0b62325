package journal

// op is one change waiting to be written: a row to store, or one to
// remove.
type op struct {
	rec    Record
	id     int
	remove bool
}

// batch is the changes gathered since the last commit, one op per ID:
// a later change of an ID replaces the earlier one, so a batch never holds
// more ops than the list has rows, however slow the disk.
type batch struct {
	ops   []op
	at    map[int]int // ID → index in ops
	clear bool        // empty the list before applying ops
}

func newBatch() batch { return batch{at: map[int]int{}} }

func (b *batch) set(o op) {
	if i, ok := b.at[o.id]; ok {
		b.ops[i] = o
		return
	}
	b.at[o.id] = len(b.ops)
	b.ops = append(b.ops, o)
}

func (b *batch) empty() bool { return len(b.ops) == 0 && !b.clear }

// reset empties b, keeping its memory for the next batch.
func (b *batch) reset() {
	clear(b.ops) // drop the strings the ops held
	b.ops = b.ops[:0]
	clear(b.at)
	b.clear = false
}

// requeue puts the ops of a batch that could not be written back in
// front of b (the changes made since), so nothing is lost while the disk
// refuses; b's own ops are newer and win. A failed batch made before a
// Clear is dropped: the Clear replaces it.
func (b *batch) requeue(failed *batch) {
	if b.clear {
		return
	}
	b.clear = failed.clear
	for i := range failed.ops {
		if _, newer := b.at[failed.ops[i].id]; !newer {
			b.set(failed.ops[i])
		}
	}
}
