package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"pagekeeper/engine"
)

// printer prints each job once, when it ends.
type printer struct {
	e       *engine.Engine
	w       io.Writer
	version uint64
	printed map[int]bool
}

func newPrinter(e *engine.Engine, w io.Writer) *printer {
	return &printer{e: e, w: w, printed: map[int]bool{}}
}

// report prints the jobs that ended since the last call and returns the
// snapshot it read.
func (p *printer) report() engine.Snapshot {
	s := p.e.Changes(p.version)
	p.version = s.Version
	now := time.Now()
	for _, j := range s.Jobs {
		if j.State.Final() && !p.printed[j.ID] {
			p.printed[j.ID] = true
			fmt.Fprintln(p.w, jobLine(j, now))
		}
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
