// Package warctest helps test the web archive writer: exchanges made by a
// real GET over loopback (or from bytes in memory) with payloads held in
// memory, and a count of how often each one was released.
package warctest

import (
	"bytes"
	"crypto/sha256"
	"io"
	"sync/atomic"
	"time"

	"pagekeeper/engine/capture"
)

// MemoryPayload is a payload held in memory.
type MemoryPayload struct {
	data []byte
	sum  [32]byte
}

// NewMemoryPayload holds data (not copied).
func NewMemoryPayload(data []byte) *MemoryPayload {
	return &MemoryPayload{data: data, sum: sha256.Sum256(data)}
}

// Open reads the payload from its first byte.
func (p *MemoryPayload) Open() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(p.data)), nil
}

// Size is the payload's length.
func (p *MemoryPayload) Size() int64 { return int64(len(p.data)) }

// SHA256 is the payload's digest.
func (p *MemoryPayload) SHA256() [32]byte { return p.sum }

// Bytes is the payload itself.
func (p *MemoryPayload) Bytes() []byte { return p.data }

// Releases counts Release calls per exchange.
type Releases struct {
	counts []*atomic.Int32
}

// Track makes ex count its releases here.
func (r *Releases) Track(ex *capture.Exchange) {
	c := new(atomic.Int32)
	r.counts = append(r.counts, c)
	ex.SetRelease(func() { c.Add(1) })
}

// Counts is how often each tracked exchange was released, in the order
// they were tracked.
func (r *Releases) Counts() []int32 {
	out := make([]int32, len(r.counts))
	for i, c := range r.counts {
		out[i] = c.Load()
	}
	return out
}

// Synthetic builds an exchange without a network: a GET of target
// answered with status, the given header lines (each "Name: value") and
// body.
func Synthetic(target string, status int, headers []string, body []byte) *capture.Exchange {
	var req, resp bytes.Buffer
	req.WriteString("GET " + pathOf(target) + " HTTP/1.1\r\nHost: " + hostOf(target) + "\r\nUser-Agent: Pagekeeper-test\r\n\r\n")
	resp.WriteString("HTTP/1.1 " + statusLine(status) + "\r\n")
	for _, h := range headers {
		resp.WriteString(h + "\r\n")
	}
	resp.WriteString("\r\n")
	ex := &capture.Exchange{
		Started:   time.Now(),
		Method:    "GET",
		TargetURI: target,
		RemoteIP:  "127.0.0.1",
		Request:   req.Bytes(),
		Response:  resp.Bytes(),
		Status:    status,
	}
	if len(body) > 0 {
		ex.Payload = NewMemoryPayload(body)
	}
	return ex
}
