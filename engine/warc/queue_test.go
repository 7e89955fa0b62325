package warc

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/nlnwa/gowarc/v3"
	"pagekeeper/engine/capture"
	"pagekeeper/engine/warc/warctest"
)

// gatePayload blocks Open until gate is closed.
type gatePayload struct {
	capture.Payload
	gate chan struct{}
}

func (p *gatePayload) Open() (io.ReadCloser, error) {
	<-p.gate
	return p.Payload.Open()
}

// A full queue makes Record wait, and Record gives up when its context
// ends; every exchange is released exactly once either way.
func TestRecordBlocksOnFullQueueAndReturnsOnCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := t.TempDir()
		r, err := OpenWithOptions(dir, testInfo, Options{QueueLength: 1})
		if err != nil {
			t.Fatal(err)
		}
		var rel warctest.Releases
		gate := make(chan struct{})
		slow := warctest.Synthetic("http://example.com/slow", 200, nil, []byte("slow"))
		slow.Payload = &gatePayload{Payload: slow.Payload, gate: gate}
		queued := warctest.Synthetic("http://example.com/queued", 200, nil, []byte("queued"))
		waiting := warctest.Synthetic("http://example.com/waiting", 200, nil, []byte("waiting"))
		for _, ex := range []*capture.Exchange{slow, queued, waiting} {
			rel.Track(ex)
		}
		ctx := context.Background()
		if err := r.Record(ctx, slow); err != nil {
			t.Fatal(err)
		}
		synctest.Wait() // the writer holds slow, blocked on its payload
		if err := r.Record(ctx, queued); err != nil {
			t.Fatal(err)
		}
		wctx, cancel := context.WithCancel(ctx)
		result := make(chan error, 1)
		go func() { result <- r.Record(wctx, waiting) }()
		synctest.Wait()
		select {
		case err := <-result:
			t.Fatalf("Record returned %v with the queue full", err)
		default:
		}
		cancel()
		if err := <-result; !errors.Is(err, context.Canceled) {
			t.Fatalf("Record after cancel: %v", err)
		}
		if got := rel.Counts()[2]; got != 1 {
			t.Errorf("canceled exchange released %d times", got)
		}
		close(gate)
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		if err := r.Record(ctx, warctest.Synthetic("http://example.com/late", 200, nil, nil)); !errors.Is(err, ErrClosed) {
			t.Errorf("Record after Close: %v", err)
		}
		for i, c := range rel.Counts() {
			if c != 1 {
				t.Errorf("exchange %d released %d times", i, c)
			}
		}
		var uris []string
		for _, rec := range readAll(t, dir) {
			if rec.typ == gowarc.Response {
				uris = append(uris, rec.header.Get(gowarc.WarcTargetURI))
			}
		}
		if strings.Join(uris, " ") != "http://example.com/slow http://example.com/queued" {
			t.Errorf("responses %v", uris)
		}
	})
}

// failingPayload reads fine the first time (for the digests) and fails
// halfway the second time, while the record is being written.
type failingPayload struct {
	capture.Payload
	opens int
}

func (p *failingPayload) Open() (io.ReadCloser, error) {
	p.opens++
	rc, err := p.Payload.Open()
	if err != nil || p.opens == 1 {
		return rc, err
	}
	return io.NopCloser(io.MultiReader(io.LimitReader(rc, p.Size()/2), errReader{})), nil
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("temporary file vanished") }

// A record that fails midway is cut back out of the file; the exchange is
// counted as skipped and the archive goes on.
func TestFailedRecordIsCutBack(t *testing.T) {
	dir := t.TempDir()
	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// Incompressible and larger than the write buffer, so part of the
	// member reaches the file before the failure.
	body := make([]byte, 1<<20)
	rand.NewChaCha8([32]byte{1}).Read(body)
	bad := warctest.Synthetic("http://example.com/bad", 200, nil, body)
	bad.Payload = &failingPayload{Payload: bad.Payload}
	for _, ex := range []*capture.Exchange{
		warctest.Synthetic("http://example.com/before", 200, nil, []byte("before")),
		bad,
		warctest.Synthetic("http://example.com/after", 200, nil, []byte("after")),
	} {
		if err := r.Record(ctx, ex); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if r.Skipped() != 1 {
		t.Errorf("skipped %d, want 1", r.Skipped())
	}
	var uris []string
	for _, rec := range readAll(t, dir) {
		if rec.typ != gowarc.Warcinfo {
			uris = append(uris, rec.typ.String()+" "+rec.header.Get(gowarc.WarcTargetURI))
		}
	}
	want := "response http://example.com/before,request http://example.com/before,response http://example.com/after,request http://example.com/after"
	if strings.Join(uris, ",") != want {
		t.Errorf("records %v", uris)
	}
}

// An address that would break a header line is left out; the archive goes
// on and the exchange is still released.
func TestBadAddressIsSkipped(t *testing.T) {
	dir := t.TempDir()
	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	var rel warctest.Releases
	bad := warctest.Synthetic("http://example.com/x", 200, nil, []byte("x"))
	bad.TargetURI = "http://example.com/x\r\nWARC-Type: metadata"
	good := warctest.Synthetic("http://example.com/y", 200, nil, []byte("y"))
	rel.Track(bad)
	rel.Track(good)
	for _, ex := range []*capture.Exchange{bad, good} {
		if err := r.Record(context.Background(), ex); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if r.Skipped() != 1 {
		t.Errorf("skipped %d", r.Skipped())
	}
	if c := rel.Counts(); c[0] != 1 || c[1] != 1 {
		t.Errorf("releases %v", c)
	}
	if recs := readAll(t, dir); len(recs) != 3 || recs[1].header.Get(gowarc.WarcTargetURI) != "http://example.com/y" {
		t.Errorf("%d records", len(recs))
	}
}
