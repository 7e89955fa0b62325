package engine

import (
	"sync/atomic"
	"time"

	"pagekeeper/engine/failure"
)

// job is one address on its way to disk. Its ID and URL never change; the
// rest is progress, guarded by the engine's mutex except for the byte
// count, which the download loop bumps without a lock.
type job struct {
	id    int
	url   string // as added, with any login: used for the request only
	shown string // the address with any password hidden
	site  string // the scheduler's key for the address's site

	// Guarded by Engine.mu.
	state       State
	attempts    int
	status      int
	finalURL    string // shown form
	contentType string
	savedPath   string
	savedSize   int64
	savedAt     time.Time
	sha256      string
	newCopy     bool // saved before: this copy's name carries its date
	corrected   bool // reopened in another state than the journal had
	failure     failure.Failure
	retryAt     time.Time // Retrying: when the next attempt may start
	sitePaused  bool      // Retrying: the site asked everyone to wait
	sameAs      int       // Skipped: the job keeping the same page
	notListed   bool      // Saved, but its manifest row is not written yet
	total       int64     // -1 while unknown
	added       time.Time
	changed     time.Time
	version     uint64
	prev, next  *job       // the change list, oldest change first
	meter       *rateMeter // only while active: a meter is 0.5 KB

	// A complete page's resources: counts, and what the saved page does
	// without (set once when it is saved, never changed after).
	resTotal, resDone int
	missing           []MissingResource

	// The page while it is assembled (see assembly.go).
	work    *pageWork
	removed bool  // forgotten by Remove or ClearFinished
	task    *task // the queued request, while it waits for a worker

	done atomic.Int64 // bytes received in the current attempt
}

// JobStatus is a value copy of one job's progress: safe to keep, compare and
// hand to another goroutine.
type JobStatus struct {
	ID          int
	URL         string // the address, with any password hidden
	State       State
	Done        int64         // bytes received so far, page and resources
	Total       int64         // expected bytes, -1 when the server did not say
	Speed       float64       // bytes per second, recent
	ETA         time.Duration // -1 when unknown
	Attempts    int
	MaxAttempts int
	HTTPStatus  int
	FinalURL    string // after redirects, password hidden
	ContentType string
	SavedPath   string    // relative to the output folder, with '/' separators
	SavedSize   int64     // bytes of the saved file
	SavedAt     time.Time // when it was saved (Skipped as already saved: when that was)
	// Failure is why the job failed, or why it waits to try again.
	Failure    failure.Failure
	RetryAt    time.Time // Retrying: when the next attempt may start
	SitePaused bool      // Retrying: the site asked everyone to wait
	SameAs     int       // Skipped: the job that keeps the same page
	NotListed  bool      // Saved, but not (yet) listed in manifest.csv
	Resources  Resources
	Missing    []MissingResource // resources left out of a saved complete page
	Added      time.Time
	Changed    time.Time // the last change of state
	Version    uint64    // the engine version of the last change
}

// Resources counts the resources of a complete page.
type Resources struct {
	Total   int // asked for so far
	Done    int // arrived (fetched or failed)
	Missing int // could not be included
}

// MissingResource is a resource a saved page does without, and why.
type MissingResource struct {
	URL     string
	Failure failure.Failure
}

func (j *job) snapshot(now time.Time, maxAttempts int) JobStatus {
	s := JobStatus{
		ID: j.id, URL: j.shown, State: j.state, Done: j.done.Load(), Total: j.total,
		ETA: -1, Attempts: j.attempts, MaxAttempts: maxAttempts, HTTPStatus: j.status,
		FinalURL: j.finalURL, ContentType: j.contentType, SavedPath: j.savedPath,
		SavedSize: j.savedSize, SavedAt: j.savedAt, Failure: j.failure, RetryAt: j.retryAt, SitePaused: j.sitePaused,
		SameAs: j.sameAs, NotListed: j.notListed, Added: j.added, Changed: j.changed,
		Version: j.version,
	}
	if j.resTotal > 0 {
		s.Resources = Resources{Total: j.resTotal, Done: j.resDone, Missing: len(j.missing)}
		s.Missing = j.missing // never changed once set: safe to share
	}
	if j.meter != nil {
		j.meter.observe(now, s.Done)
		s.Speed = j.meter.rate()
		if s.Speed > 0 && s.Total > s.Done {
			s.ETA = time.Duration(float64(s.Total-s.Done) / s.Speed * float64(time.Second))
		}
	}
	return s
}

var failureNone failure.Failure
