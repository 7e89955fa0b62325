package engine

import (
	"sync/atomic"
	"time"
)

// job is one address on its way to disk. Its ID and URL never change; the
// rest is progress, guarded by the engine's mutex except for the byte count,
// which the download loop bumps without a lock.
type job struct {
	id  int
	url string

	// Guarded by Engine.mu.
	state       State
	attempts    int
	status      int
	finalURL    string
	contentType string
	savedPath   string
	message     string
	total       int64 // -1 while unknown
	version     uint64
	prev, next  *job       // the change list, oldest change first
	meter       *rateMeter // only while active: a meter is 0.5 KB

	done atomic.Int64 // bytes received in the current attempt
}

// JobStatus is a value copy of one job's progress: safe to keep, compare and
// hand to another goroutine.
type JobStatus struct {
	ID          int
	URL         string
	State       State
	Done        int64         // bytes received so far
	Total       int64         // expected bytes, -1 when the server did not say
	Speed       float64       // bytes per second, recent
	ETA         time.Duration // -1 when unknown
	Attempts    int
	HTTPStatus  int
	FinalURL    string // after redirects
	ContentType string
	SavedPath   string // relative to the output folder, with '/' separators
	Message     string // what happened, in words a person can read
	Version     uint64 // the engine version of the last change
}

func (j *job) snapshot(now time.Time) JobStatus {
	s := JobStatus{
		ID: j.id, URL: j.url, State: j.state, Done: j.done.Load(), Total: j.total,
		ETA: -1, Attempts: j.attempts, HTTPStatus: j.status, FinalURL: j.finalURL,
		ContentType: j.contentType, SavedPath: j.savedPath, Message: j.message,
		Version: j.version,
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
