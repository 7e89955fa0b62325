package engine

import (
	"sync/atomic"
	"time"

	"pagekeeper/engine/address"
	"pagekeeper/engine/failure"
)

// job is one address on its way to disk. Its ID and URL never change; the
// rest is progress, guarded by the engine's mutex except for the byte
// count, which the download loop bumps without a lock. A list may hold a
// million jobs that only wait: what a job needs once work starts lives in
// a jobDetail, made then, so a waiting job costs about a hundred bytes.
type job struct {
	id  int
	url string // as added, with any login: used for the request only

	// Guarded by Engine.mu.
	state      State
	newCopy    bool  // saved before: this copy's name carries its date
	corrected  bool  // reopened in another state than the journal had
	sitePaused bool  // Retrying: the site asked everyone to wait
	notListed  bool  // Saved, but its manifest row is not written yet
	removed    bool  // forgotten by Remove or ClearFinished
	added      int64 // Unix nanoseconds
	changed    int64 // Unix nanoseconds: the last change of state
	version    uint64
	prev, next *job      // the change list, oldest change first
	work       *pageWork // the page while it is assembled
	task       *task     // the queued request, while it waits for a worker
	*jobDetail           // nil until there is something to say

	done atomic.Int64 // bytes received in the current attempt
}

// jobDetail is what a job has to say once it has been worked on.
type jobDetail struct {
	shownAlt    string // the address with its password hidden, when it has one
	attempts    int
	status      int
	finalURL    string // shown form
	contentType string
	savedPath   string
	savedSize   int64
	savedAt     time.Time
	sha256      string
	failure     failure.Failure
	retryAt     time.Time  // Retrying: when the next attempt may start
	sameAs      int        // Skipped: the job keeping the same page
	total       int64      // -1 while unknown
	meter       *rateMeter // only while active: a meter is 0.5 KB
	// A complete page's resources: counts, and what the saved page does
	// without (set once when it is saved, never changed after).
	resTotal, resDone int
	missing           []MissingResource
}

// newJob is a job for the address u, added at now.
func newJob(id int, u string, now time.Time) *job {
	j := &job{id: id, url: u, added: now.UnixNano(), changed: now.UnixNano()}
	if shown := address.Redact(u); shown != u {
		j.more().shownAlt = shown
	}
	return j
}

// more is j's detail, made when first needed. Callers hold e.mu.
func (j *job) more() *jobDetail {
	if j.jobDetail == nil {
		j.jobDetail = &jobDetail{total: -1}
	}
	return j.jobDetail
}

// forgetDetail drops what j had to say (queued again), keeping only the
// hidden form of its address.
func (j *job) forgetDetail() {
	if j.jobDetail == nil {
		return
	}
	alt := j.shownAlt
	j.jobDetail = nil
	if alt != "" {
		j.more().shownAlt = alt
	}
}

// shown is the address with any password hidden.
func (j *job) shown() string {
	if j.jobDetail != nil && j.shownAlt != "" {
		return j.shownAlt
	}
	return j.url
}

// savedFile is the saved file's path, "" when there is none.
func (j *job) savedFile() string {
	if j.jobDetail == nil {
		return ""
	}
	return j.savedPath
}

// site is the scheduler's key for the address's site.
func (j *job) site() string { return siteKey(j.url) }

// addedAt and changedAt are the job's times.
func (j *job) addedAt() time.Time   { return time.Unix(0, j.added) }
func (j *job) changedAt() time.Time { return time.Unix(0, j.changed) }

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
		ID: j.id, URL: j.shown(), State: j.state, Done: j.done.Load(), Total: -1, ETA: -1,
		MaxAttempts: maxAttempts, SitePaused: j.sitePaused, NotListed: j.notListed,
		Added: j.addedAt(), Changed: j.changedAt(), Version: j.version,
	}
	d := j.jobDetail
	if d == nil {
		return s
	}
	s.Total, s.Attempts, s.HTTPStatus = d.total, d.attempts, d.status
	s.FinalURL, s.ContentType, s.SavedPath = d.finalURL, d.contentType, d.savedPath
	s.SavedSize, s.SavedAt, s.Failure, s.RetryAt, s.SameAs = d.savedSize, d.savedAt, d.failure, d.retryAt, d.sameAs
	if d.resTotal > 0 {
		s.Resources = Resources{Total: d.resTotal, Done: d.resDone, Missing: len(d.missing)}
		s.Missing = d.missing // never changed once set: safe to share
	}
	if d.meter != nil {
		d.meter.observe(now, s.Done)
		s.Speed = d.meter.rate()
		if s.Speed > 0 && s.Total > s.Done {
			s.ETA = time.Duration(float64(s.Total-s.Done) / s.Speed * float64(time.Second))
		}
	}
	return s
}

var failureNone failure.Failure
