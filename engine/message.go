package engine

import (
	"fmt"
	"strings"
	"time"

	"pagekeeper/engine/failure"
)

// Message is the job's state in words, made from data at the moment it is
// read, so a wait counts down and never goes stale. The window and the
// command line both show exactly this.
func (s JobStatus) Message(now time.Time) string {
	switch s.State {
	case Downloading:
		if s.Resources.Total > 0 {
			return fmt.Sprintf("Downloading %d of %d resources", s.Resources.Done, s.Resources.Total)
		}
	case Retrying:
		return s.Failure.Message() + "; " + s.retryWords(now)
	case Failed, Canceled:
		if s.Failure.Kind == failure.None {
			return failure.Failure{Kind: failure.Canceled}.Message()
		}
		return s.Failure.Message()
	case Skipped:
		if s.SameAs != 0 {
			return fmt.Sprintf("Same page as #%d (the address led there)", s.SameAs)
		}
		if s.Failure.Kind == failure.AlreadySaved && !s.SavedAt.IsZero() {
			return "Already saved on " + s.SavedAt.Local().Format("2 Jan at 15:04") + `: tick "Save a new copy" to keep another`
		}
		return s.Failure.Message()
	case Saved:
		var parts []string
		if s.Resources.Missing > 0 {
			parts = append(parts, fmt.Sprintf("%d of %d resources missing", s.Resources.Missing, s.Resources.Total))
		}
		if s.NotListed {
			parts = append(parts, "Saved, but not listed in manifest.csv: check the disk")
		}
		return strings.Join(parts, " · ")
	}
	return ""
}

// retryWords counts down to the next attempt: "trying again in 4 s
// (attempt 2 of 4)".
func (s JobStatus) retryWords(now time.Time) string {
	left := s.RetryAt.Sub(now)
	when := "trying again now"
	if left >= 100*time.Millisecond {
		when = "trying again in " + failure.Seconds(left.Round(time.Second/10))
		if left >= 10*time.Second {
			when = "trying again in " + failure.Seconds(left.Round(time.Second))
		}
	}
	if s.MaxAttempts > 0 {
		when += fmt.Sprintf(" (attempt %d of %d)", s.Attempts+1, s.MaxAttempts)
	}
	return when
}
