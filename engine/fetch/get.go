package fetch

import (
	"context"
	"errors"
	"mime"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"pagekeeper/engine/capture"
	"pagekeeper/engine/failure"
)

// Request is one address to fetch.
type Request struct {
	// URL is the address; a user name and password in it are sent as a
	// login to that site only, never to a site a redirect leads to.
	URL *url.URL
	// Accept is the Accept header, default "*/*".
	Accept string
	// Referrer is sent as Referer (to the same site only, as browsers
	// trim it), for sites that refuse images linked from elsewhere.
	Referrer string
	// MaxSize is the largest body kept; a larger one fails as TooLarge.
	MaxSize int64
	// MemoryLimit is how much of the body stays in memory before it
	// spills to a temporary file in Spool.
	MemoryLimit int64
	Spool       Spool
	// CloseSpilled closes a spilled body's file once it is complete (it
	// is opened again to be read): for the many bodies a run keeps.
	CloseSpilled bool
	// Progress is called with the size of every piece of the body as it
	// arrives (bytes as received, compressed or not).
	Progress func(n int64)
	// OnAnswer is called when the final answer's headers arrive, before
	// its body.
	OnAnswer func(Answer)
	// Recorded, when set, counts this request's exchanges until the
	// recorder has written them.
	Recorded *Pending
}

// Answer is what is known once the final answer's headers arrive.
type Answer struct {
	FinalURL *url.URL
	Status   int
	Length   int64 // announced length of the body as sent, -1 when unknown
}

// Response is a fetched address.
type Response struct {
	FinalURL    *url.URL  // after redirects, without the login
	Started     time.Time // when the final request was sent (its WARC-Date)
	Status      int
	Header      http.Header
	ContentType string
	Disposition string // the file name the server suggested, if any
	// Body is the payload; the caller owns one hold on it and calls
	// Body.Release when done.
	Body *Body
}

// Get fetches r.URL, following up to MaxRedirects redirects to http(s)
// addresses. Every hop and the final answer are handed to the recorder.
// A failure is always a *failure.Error; the status and Retry-After of an
// HTTP refusal are in it.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	if r.Accept == "" {
		r.Accept = "*/*"
	}
	login := r.URL.User
	origin := r.URL.Scheme + "://" + r.URL.Host
	target := *r.URL
	target.User = nil
	for hop := 0; ; hop++ {
		var auth *url.Userinfo
		if login != nil && target.Scheme+"://"+target.Host == origin {
			auth = login
		}
		res, next, err := c.hop(ctx, r, &target, auth)
		r.Referrer = "" // a redirect is not referred to by the page
		if err != nil || next == nil {
			return res, err
		}
		if hop >= c.s.MaxRedirects {
			return nil, &failure.Error{Failure: failure.Failure{Kind: failure.TooManyRedirects, Limit: int64(c.s.MaxRedirects)}}
		}
		if next.Scheme != "http" && next.Scheme != "https" {
			return nil, failure.New(failure.RedirectNotWeb, nil)
		}
		next.User = nil
		next.Fragment = ""
		target = *next
	}
}

// hop makes one request. It returns the response when the answer is
// final and 2xx, or the address to go to next for a redirect.
func (c *Client) hop(ctx context.Context, r Request, target *url.URL, auth *url.Userinfo) (*Response, *url.URL, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var ip atomic.Pointer[string]
	trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) {
		if a, ok := info.Conn.RemoteAddr().(*net.TCPAddr); ok {
			s := a.IP.String()
			ip.Store(&s)
		}
	}}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, nil, failure.New(failure.BadAddress, err)
	}
	req.Header.Set("User-Agent", c.s.UserAgent)
	req.Header.Set("Accept", r.Accept)
	req.Header.Set("Accept-Encoding", "gzip")
	if ref := referrer(r.Referrer, target); ref != "" {
		req.Header.Set("Referer", ref)
	}
	if auth != nil {
		pw, _ := auth.Password()
		req.SetBasicAuth(auth.Username(), pw)
	}
	started := time.Now()
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, c.classify(err, context.Cause(ctx))
	}
	defer resp.Body.Close()
	ex := &capture.Exchange{
		Started: started, Method: req.Method, TargetURI: target.String(),
		Request: requestHead(req), Response: responseHead(resp), Status: resp.StatusCode,
	}
	if p := ip.Load(); p != nil {
		ex.RemoteIP = *p
	}

	code := resp.StatusCode
	switch {
	case code == http.StatusSwitchingProtocols:
		// The body is now a raw connection that may never end: nothing
		// of it is read, and the answer is still history.
		c.record(ctx, r.Recorded, ex, nil)
		return nil, nil, failure.New(failure.UnexpectedSwitch, nil)
	case code >= 300 && code < 400 && resp.Header.Get("Location") != "":
		next, perr := resp.Request.URL.Parse(resp.Header.Get("Location"))
		c.keepSmallBody(ctx, cancel, r.Recorded, ex, resp)
		if perr != nil {
			return nil, nil, failure.New(failure.RedirectNotWeb, perr)
		}
		return nil, next, nil
	case code < 200 || code > 299:
		c.keepSmallBody(ctx, cancel, r.Recorded, ex, resp)
		return nil, nil, &failure.Error{Failure: failure.Failure{
			Kind: failure.HTTPStatus, Status: code,
			RetryAfter: RetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		}}
	case resp.ContentLength > r.MaxSize:
		return nil, nil, &failure.Error{Failure: failure.Failure{Kind: failure.TooLarge, Limit: r.MaxSize}}
	}

	if r.OnAnswer != nil {
		r.OnAnswer(Answer{FinalURL: target, Status: code, Length: resp.ContentLength})
	}
	b := newBody(r.Spool, r.MemoryLimit, resp.Header.Get("Content-Encoding"))
	dog := newWatchdog(c.s, cancel)
	err = copyBody(b, resp.Body, r.MaxSize, dog, r.Progress)
	dog.stop()
	if err != nil {
		b.Release()
		if errors.Is(err, errTooLarge) {
			return nil, nil, &failure.Error{Failure: failure.Failure{Kind: failure.TooLarge, Limit: r.MaxSize}, Cause: err}
		}
		fe := c.classify(err, context.Cause(ctx))
		if fe.Kind == failure.Truncated {
			fe.Got, fe.Want = b.size, resp.ContentLength
		}
		return nil, nil, fe
	}
	b.finish()
	if r.CloseSpilled {
		b.closeFile()
	}
	if !knownEncoding(b.encoding) {
		b.Release()
		return nil, nil, failure.New(failure.Encoding, errUnknownEncoding)
	}
	if err := c.record(ctx, r.Recorded, ex, b); err != nil {
		b.Release()
		if ctx.Err() != nil {
			return nil, nil, failure.New(failure.Canceled, ctx.Err())
		}
		return nil, nil, failure.Disk(err) // the web archive could not be written
	}
	return &Response{
		FinalURL: target, Started: started, Status: code, Header: resp.Header,
		ContentType: resp.Header.Get("Content-Type"),
		Disposition: dispositionName(resp.Header.Get("Content-Disposition")),
		Body:        b,
	}, nil, nil
}

// keepSmallBody reads a redirect's or an error's body, capped and under
// the same watchdog as any body, and records the exchange.
func (c *Client) keepSmallBody(ctx context.Context, cancel context.CancelCauseFunc, p *Pending, ex *capture.Exchange, resp *http.Response) {
	b := newBody(nil, c.s.MaxErrorBody, resp.Header.Get("Content-Encoding"))
	dog := newWatchdog(c.s, cancel)
	err := copyBody(b, resp.Body, c.s.MaxErrorBody, dog, nil)
	dog.stop()
	b.finish()
	switch {
	case errors.Is(err, errTooLarge):
		ex.Truncated = "length"
	case err != nil && ctx.Err() != nil:
		ex.Truncated = "time"
	case err != nil:
		ex.Truncated = "disconnect"
	}
	c.record(ctx, p, ex, b)
	b.Release()
}

// record hands ex to the recorder, holding b for it. It fails when the
// run was stopped while the recorder was full, or when the web archive
// can no longer be written.
func (c *Client) record(ctx context.Context, p *Pending, ex *capture.Exchange, b *Body) error {
	if c.recorder == nil {
		return nil
	}
	if p != nil {
		p.add()
	}
	if b != nil {
		b.Retain()
		ex.Payload = payload{b}
	}
	ex.SetRelease(func() {
		if b != nil {
			b.Release()
		}
		if p != nil {
			p.done()
		}
	})
	return c.recorder.Record(ctx, ex)
}

// dispositionName is the file name from a Content-Disposition header, or "".
func dispositionName(v string) string {
	if v == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(v)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["filename"])
}

// referrer is what a browser's default policy (strict-origin-when-cross-
// origin) sends: the whole address to the same site, only the origin to
// another, nothing from https to http.
func referrer(from string, to *url.URL) string {
	if from == "" {
		return ""
	}
	f, err := url.Parse(from)
	if err != nil || (f.Scheme == "https" && to.Scheme != "https") {
		return ""
	}
	f.User, f.Fragment = nil, ""
	if f.Scheme == to.Scheme && f.Host == to.Host {
		return f.String()
	}
	return f.Scheme + "://" + f.Host + "/"
}
