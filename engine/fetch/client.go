// Package fetch makes Pagekeeper's HTTP requests: one attempt at an address,
// its redirect hops followed one by one, every exchange captured as it went
// over the wire (for the web archive), the body kept once as received and
// read through a decoded view, and every failure turned into a kind (see
// package failure). It knows nothing of jobs, queues or retries: the
// engine's scheduler decides when to try again.
package fetch

import (
	"net"
	"net/http"
	"sync"
	"time"

	"pagekeeper/engine/capture"
)

// Client makes requests with bounded time, size and memory. It is safe for
// use by many workers at once.
type Client struct {
	s         Settings
	transport *http.Transport
	hc        *http.Client
	recorder  capture.Recorder
}

// New returns a Client. Every exchange it makes is handed to rec, when rec
// is not nil.
func New(s Settings, rec capture.Recorder) *Client {
	s = s.Defaults()
	dialer := &net.Dialer{Timeout: s.ConnectTimeout, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    s.ConnectTimeout,
		ResponseHeaderTimeout:  s.ResponseTimeout,
		MaxResponseHeaderBytes: s.MaxHeaderBytes,
		MaxIdleConnsPerHost:    s.PerHost,
		IdleConnTimeout:        90 * time.Second,
		ForceAttemptHTTP2:      true,
		// We ask for gzip ourselves and keep the compressed bytes as they
		// came: the archive stores them, and pages read a decoded view.
		DisableCompression: true,
	}
	if s.NoProxy {
		t.Proxy = nil
	}
	return &Client{
		s:         s,
		transport: t,
		hc: &http.Client{
			Transport: t,
			// Each hop is an exchange of its own, so redirects are
			// followed by Get, not by net/http.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		recorder: rec,
	}
}

// CloseIdleConnections closes kept-alive connections, so no connection
// goroutine outlives a run.
func (c *Client) CloseIdleConnections() { c.transport.CloseIdleConnections() }

// bufferPool holds the copy buffers: a new 64 KiB buffer per download was
// three quarters of all the bytes the engine allocated.
var bufferPool = sync.Pool{New: func() any { b := make([]byte, readBufferSize); return &b }}

// readBufferSize is how much one read of a body takes at most.
const readBufferSize = 64 << 10
