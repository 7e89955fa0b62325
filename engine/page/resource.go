package page

import (
	"io"

	"pagekeeper/engine/failure"
)

// resState is where a resource stands.
type resState uint8

const (
	pending   resState = iota // wanted, not provided yet
	fetched                   // provided and inlined
	failed                    // could not be fetched
	overLimit                 // fetched, but past the page's limit
	tooBig                    // fetched, but too large to be parsed
	leftOut                   // not wanted on purpose: a cycle, or nested too deep
)

// role is a use of a resource that needs its content parsed.
type role uint8

const (
	roleSheet  role = 1 << iota // a stylesheet, linked or imported
	roleSprite                  // an SVG document that <use> refers to
)

// resource is one address the page needs, whatever uses it.
type resource struct {
	key      string // absolute address without fragment: Want.URL
	kind     WantKind
	optional bool
	queued   bool // returned by Wants (or about to be)
	state    resState
	fail     failure.Failure
	r        Resource
	mime     string // the type its data: URI carries
	head     []byte // its first bytes, to sniff what it is
	roles    role
	parsed   role // the roles already parsed

	// docCharset is the encoding of the document that first referred to
	// it: the fallback encoding of a stylesheet or script.
	docCharset string
	// importDepth and chain say where a stylesheet was first met:
	// how many @imports deep, and the stylesheets around it.
	importDepth int
	chain       []string
	// spriteDepth is how many sprites deep an SVG sprite was first met.
	spriteDepth int

	sheet  *sheet       // when used as a stylesheet
	sprite *sprite      // when used by <use>
	slots  []*frameSlot // the frames showing it
}

// inlined reports whether the resource goes into the page.
func (r *resource) inlined() bool { return r != nil && r.state == fetched }

// open gives the resource's bytes.
func (r *resource) open() (io.ReadCloser, error) { return r.r.Open() }

// readAll reads a resource to parse it. One over maxParsed is not read: it
// leaves the page as too large (and its bytes leave the page's count).
func (a *Assembler) readAll(res *resource) ([]byte, bool) {
	if res.r.Size > maxParsed {
		a.dropTooBig(res)
		return nil, false
	}
	rc, err := res.open()
	if err != nil {
		res.state, res.fail = failed, failure.Failure{Kind: failure.FileMissing}
		a.used -= res.r.Size
		return nil, false
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxParsed+1))
	if err != nil {
		res.state, res.fail = failed, failure.Failure{Kind: failure.FileMissing}
		a.used -= res.r.Size
		return nil, false
	}
	if len(b) > maxParsed {
		a.dropTooBig(res)
		return nil, false
	}
	return b, true
}

func (a *Assembler) dropTooBig(res *resource) {
	res.state = tooBig
	a.used -= res.r.Size
}

// lookup is the resource wanted under key, or nil.
func (a *Assembler) lookup(key string) *resource { return a.res[key] }

// want registers that the page needs key as kind and queues it for the
// engine the first time; it returns the resource either way.
func (a *Assembler) want(key string, kind WantKind, referrer, docCharset string) *resource {
	res := a.res[key]
	if res == nil {
		res = &resource{key: key, kind: kind, docCharset: docCharset}
		a.res[key] = res
		a.order = append(a.order, res)
	}
	if res.state == leftOut {
		res.state = pending
	}
	res.optional = false // something refers to it: no longer a guess
	if !res.queued {
		res.queued = true
		a.queue = append(a.queue, Want{URL: key, Kind: res.kind, Referrer: referrer, Optional: res.optional})
	}
	return res
}

// wantGuess queues key as a guess the browser makes too (the site's
// /favicon.ico): its failure is not missing from the page.
func (a *Assembler) wantGuess(key string, kind WantKind, referrer string) {
	if a.res[key] != nil {
		return
	}
	res := &resource{key: key, kind: kind, optional: true, queued: true}
	a.res[key] = res
	a.order = append(a.order, res)
	a.queue = append(a.queue, Want{URL: key, Kind: kind, Referrer: referrer, Optional: true})
}

// leaveOut records that key is needed but will not be fetched (a cycle,
// too deep), unless something else wants it.
func (a *Assembler) leaveOut(key string, kind WantKind) {
	if a.res[key] != nil {
		return
	}
	res := &resource{key: key, kind: kind, state: leftOut}
	a.res[key] = res
	a.order = append(a.order, res)
}

// missing is why res is not in the page, if it is not.
func (a *Assembler) missingReason(res *resource) (failure.Failure, bool) {
	switch res.state {
	case failed:
		return res.fail, !res.optional
	case overLimit:
		return failure.Failure{Kind: failure.PageTooLarge, Limit: a.opts.PageLimit}, true
	case tooBig:
		return failure.Failure{Kind: failure.TooLarge, Limit: maxParsed}, true
	case leftOut:
		return failure.Failure{Kind: failure.NotFetched}, true
	case pending:
		if res.optional {
			return failure.Failure{}, false
		}
		return failure.Failure{Kind: failure.NotFetched}, true
	}
	return failure.Failure{}, false
}
