package journal

import "time"

// Set by tests: the crash test's helper process tells when its writer
// commits, and can make its disk slow.
var (
	beforeWrite func()
	afterCommit func(changes int)
)

// run is the writer: it commits the pending batch when it is 100 ms old,
// when it is full, when Flush asks and at Close, and retries a batch the
// disk refused.
func (j *Journal) run() {
	defer close(j.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	armed := false
	arm := func(d time.Duration) {
		if !armed {
			timer.Reset(d)
			armed = true
		}
	}
	disarm := func() {
		timer.Stop()
		armed = false
	}
	for {
		var err error
		var left int
		select {
		case <-j.wake:
			arm(batchInterval)
			continue
		case <-timer.C:
			armed = false
			left, err = j.commit()
		case <-j.full:
			disarm()
			left, err = j.commit()
		case reply := <-j.flushes:
			disarm()
			// Flushes that asked before this commit are all answered by it.
			replies := []chan error{reply}
		more:
			for {
				select {
				case r := <-j.flushes:
					replies = append(replies, r)
				default:
					break more
				}
			}
			left, err = j.commit()
			for _, r := range replies {
				r <- err
			}
		case <-j.quit:
			disarm()
			j.commit()
			return
		}
		switch {
		case err != nil:
			arm(retryInterval)
		case left >= batchSize:
			select {
			case j.full <- struct{}{}:
			default:
			}
		case left > 0:
			arm(batchInterval)
		}
	}
}

// commit writes the pending batch in one transaction. A batch the disk
// refused goes back in front of the changes made since. It returns the
// number of changes now pending and the write error.
func (j *Journal) commit() (int, error) {
	j.mu.Lock()
	b := j.pending
	j.pending, j.spare = j.spare, batch{}
	j.mu.Unlock()

	var err error
	if !b.empty() {
		if beforeWrite != nil {
			beforeWrite()
		}
		err = j.st.write(&b)
		if err == nil && afterCommit != nil {
			afterCommit(len(b.ops))
		}
	}

	j.mu.Lock()
	if err != nil {
		j.pending.requeue(&b)
		j.err = writeError(err)
	} else {
		j.err = nil
	}
	left := len(j.pending.ops)
	if j.pending.clear {
		left++
	}
	werr := j.err
	j.mu.Unlock()

	// Emptied outside the lock (it can be long), b is the next batch to
	// fill; only the writer touches the spare.
	b.reset()
	j.spare = b
	return left, werr
}
