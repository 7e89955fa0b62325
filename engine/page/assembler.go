package page

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"

	"pagekeeper/engine/failure"
)

// Assembler turns one page and its resources into a complete page. It is
// used by one goroutine at a time: NewAssembler, then rounds of Wants and
// Provide until Wants is empty, then WriteTo once.
type Assembler struct {
	opts  Options
	top   *document
	res   map[string]*resource
	order []*resource // in the order first met
	queue []Want      // wanted, not yet returned by Wants

	used     int64 // bytes of resources inlined so far
	provided int
	rescan   bool // a font failed: look again for the next one to try
	docs     []*document
	written  bool

	// nonce makes the markers WriteTo puts where resources go impossible
	// for a page to contain by chance or on purpose.
	nonce   string
	marks   []markKey
	markOf  map[markKey]int
	extra   []Missing // found only while writing (a file gone from disk)
	spriteN int
	noDedup bool // tests only: write every use of a resource in full

	// What was written, against the page's limit (budget.go).
	spent     int64
	copies    map[*resource]int
	refused   map[*resource]bool
	frameDocs int
}

// ErrWritten is returned by WriteTo when it is called a second time.
var ErrWritten = errors.New("page: the complete page was already written")

// NewAssembler reads and parses the page. contentType is the response's
// Content-Type, charset included, "" when there was none. Only a failure
// to read body is an error: a page the HTML parser refuses (nested too
// deep) is rewritten token by token instead.
func NewAssembler(opts Options, pageURL *url.URL, contentType string, body io.Reader) (*Assembler, error) {
	if pageURL == nil {
		return nil, errors.New("page: no page address")
	}
	raw, err := io.ReadAll(body)
	if err != nil {
		return nil, fmt.Errorf("page: reading the page: %w", err)
	}
	var nonce [8]byte
	rand.Read(nonce[:])
	a := &Assembler{
		opts:   opts.withDefaults(),
		res:    map[string]*resource{},
		nonce:  "pk" + hex.EncodeToString(nonce[:]),
		markOf: map[markKey]int{},
	}
	text, cs := decodeHTML(raw, contentType)
	a.top = a.newDocument(text, cs, pageURL, 0, []string{wantKey(pageURL)})
	a.top.discoverFavicon()
	return a, nil
}

// Wants returns what the page needs and has not asked for yet. Each
// address is returned once over the assembler's life; an empty answer
// means nothing more is needed and the page can be written.
func (a *Assembler) Wants() []Want {
	if a.rescan {
		a.rescan = false
		a.rediscover()
	}
	w := a.queue
	a.queue = nil
	return w
}

// Provide hands over one wanted resource, fetched or failed. Stylesheets,
// frames and SVG sprites are parsed here, which may add wants. A resource
// that would pass the page's limit is kept out (failure.PageTooLarge).
func (a *Assembler) Provide(r Resource) error {
	res := a.res[r.URL]
	if res == nil || !res.queued {
		return fmt.Errorf("page: %q was not wanted", r.URL)
	}
	if res.state != pending {
		return fmt.Errorf("page: %q was already provided", r.URL)
	}
	a.provided++
	if r.Failure.Failed() || r.Open == nil {
		res.state, res.fail = failed, r.Failure
		if !r.Failure.Failed() {
			res.fail = failure.Failure{Kind: failure.FileMissing}
		}
		if res.kind == Font {
			a.rescan = true
		}
		return nil
	}
	head, size, err := peek(r)
	if err != nil {
		res.state, res.fail = failed, failure.Failure{Kind: failure.FileMissing}
		return nil
	}
	r.Size = size
	if a.used+size > a.opts.PageLimit {
		res.state = overLimit
		if res.kind == Font {
			a.rescan = true
		}
		return nil
	}
	a.used += size
	res.state, res.r = fetched, r
	res.mime, res.head = dataType(r.ContentType, head), head
	a.parseRoles(res)
	for _, slot := range res.slots {
		a.fillFrame(slot, res)
	}
	return nil
}

// peek reads the first bytes of a resource (to sniff its type) and its
// size when the engine did not know it.
func peek(r Resource) ([]byte, int64, error) {
	rc, err := r.Open()
	if err != nil {
		return nil, 0, err
	}
	defer rc.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(rc, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, 0, err
	}
	head = head[:n]
	size := r.Size
	if size < 0 {
		rest, err := io.Copy(io.Discard, rc)
		if err != nil {
			return nil, 0, err
		}
		size = int64(n) + rest
	}
	return head, size, nil
}

// parseRoles parses a fetched resource for the uses that need its
// content and that were not parsed yet.
func (a *Assembler) parseRoles(res *resource) {
	if res.state != fetched {
		return
	}
	todo := res.roles &^ res.parsed
	res.parsed |= todo
	if todo&roleSheet != 0 {
		a.parseSheet(res)
	}
	if todo&roleSprite != 0 && res.state == fetched {
		a.parseSprite(res)
	}
}

// rediscover looks through every document and stylesheet again, so a
// font whose first source failed gets its next source wanted. Discovery
// is idempotent: what was wanted already is not wanted again.
func (a *Assembler) rediscover() {
	for _, d := range a.docs {
		d.walk(discoverPass{})
	}
	for _, res := range a.order {
		if res.sheet != nil {
			a.discoverSheet(res)
		}
	}
}

// Missing lists the resources the page does not include (wholly or, for
// one whose copies passed the page's limit, in part), and why, each once,
// in the order they were met. After WriteTo it also holds what writing
// found: a file gone from disk, copies over the limit.
func (a *Assembler) Missing() []Missing {
	var out []Missing
	seen := map[string]bool{}
	add := func(m Missing) {
		if !seen[m.URL] {
			seen[m.URL] = true
			out = append(out, m)
		}
	}
	for _, res := range a.order {
		if f, ok := a.missingReason(res); ok {
			add(Missing{URL: res.key, Failure: f})
		}
	}
	for _, m := range a.extra {
		add(m)
	}
	return out
}

// Title is the page's title, white space collapsed; "" when it has none.
func (a *Assembler) Title() string { return a.top.title() }

// ResourceCount is how many resources the page has wanted so far and how
// many of them were provided, for "Downloading 12 of 41 resources".
func (a *Assembler) ResourceCount() (total, provided int) {
	for _, res := range a.order {
		if res.queued {
			total++
		}
	}
	return total, a.provided
}
