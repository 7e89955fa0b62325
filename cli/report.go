package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"pagekeeper/engine"
)

// printer prints each job when it ends.
type printer struct {
	e       *engine.Engine
	w       io.Writer
	version uint64
	last    map[int]engine.State // the state each job was last seen in
}

// newPrinter starts from the list as it is: rows that ended in earlier
// runs are printed only if they end again.
func newPrinter(e *engine.Engine, w io.Writer) *printer {
	s := e.Snapshot()
	p := &printer{e: e, w: w, version: s.Version, last: map[int]engine.State{}}
	for _, j := range s.Jobs {
		p.last[j.ID] = j.State
	}
	return p
}

// report prints the jobs that ended since the last call and returns the
// snapshot it read.
func (p *printer) report() engine.Snapshot {
	s := p.e.Changes(p.version)
	p.version = s.Version
	now := time.Now()
	for _, j := range s.Jobs {
		if last, seen := p.last[j.ID]; j.State.Final() && (!seen || last != j.State) {
			fmt.Fprintln(p.w, jobLine(j, now))
		}
		p.last[j.ID] = j.State
	}
	return s
}

// jobLine is one finished job as a line of text.
func jobLine(j engine.JobStatus, now time.Time) string {
	if j.State == engine.Saved {
		line := fmt.Sprintf("saved    %s → %s (%s)", j.URL, j.SavedPath, humanize.Bytes(uint64(j.SavedSize)))
		if m := j.Message(now); m != "" {
			line += " · " + m
		}
		return line
	}
	return fmt.Sprintf("%-8s %s: %s", strings.ToLower(j.State.String()), j.URL, j.Message(now))
}

// summary is the last line: counts, bytes and time.
func summary(t engine.Totals, took time.Duration) string {
	return fmt.Sprintf("%d saved, %d failed, %d skipped, %d canceled · %s in %s",
		t.Counts[engine.Saved], t.Counts[engine.Failed], t.Counts[engine.Skipped], t.Counts[engine.Canceled],
		humanize.Bytes(uint64(t.Bytes)), took.Round(time.Millisecond))
}
