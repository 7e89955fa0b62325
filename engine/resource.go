package engine

import (
	"pagekeeper/engine/failure"
	"pagekeeper/engine/fetch"
)

// resource is one address a page of the run wants: fetched once per run
// however many pages use it, and kept in a temporary file (not in memory)
// until the run ends.
type resource struct {
	url      string
	site     string
	accept   string
	referrer string
	optional bool  // a guess: never retried
	task     *task // the queued request, while it waits for a worker
	state    resourceState
	attempts int
	body     *fetch.Body
	finalURL string
	ctype    string
	failure  failure.Failure
	owner    *job          // whose progress counts its bytes
	waiters  []*job        // pages waiting for it
	recorded fetch.Pending // its exchanges not yet in the web archive
}

type resourceState int

const (
	resourceQueued resourceState = iota
	resourceFetching
	resourceDone
	resourceFailed
)

func (r *resource) ended() bool { return r.state == resourceDone || r.state == resourceFailed }

// view is the resource as an assembly sees it.
func (r *resource) view() Resource {
	v := Resource{URL: r.url, FinalURL: r.finalURL, ContentType: r.ctype, Failure: r.failure}
	if r.state == resourceDone && r.body != nil {
		v.Size = r.body.Size()
		v.DecodedSize = -1
		if r.body.Identity() {
			v.DecodedSize = v.Size
		}
		v.Open = r.body.Decoded
	}
	return v
}

// release frees the resource's body at the end of the run.
func (r *resource) release() {
	if r.body != nil {
		r.body.Release()
		r.body = nil
	}
}

// pageWork is what a page holds while it is assembled: its body, the
// format's assembly, and the resources it waits for.
type pageWork struct {
	page       *Page
	asm        Assembly
	waitingFor int         // resources asked for and not yet arrived
	arrived    []*resource // arrived since the last save step
	rendered   rendered    // written, waiting for a keeper
	// recorded counts the page's own exchanges not yet in the web
	// archive; used lists every resource the page asked for, whose
	// exchanges must be there too before the page is called saved.
	recorded *fetch.Pending
	used     []*resource
}

func (w *pageWork) close() {
	if w.rendered.file != nil {
		w.rendered.file.Close() // its temporary file goes with the run's folder
		w.rendered.file = nil
	}
	if w.asm != nil {
		w.asm.Close()
	}
	if w.page != nil && w.page.body != nil {
		w.page.body.Release()
	}
}
