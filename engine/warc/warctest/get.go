package warctest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"time"

	"pagekeeper/engine/capture"
)

// Client is an HTTP client that keeps bodies as sent (no decompression)
// and does not follow redirects, so every hop is its own exchange.
func Client() *http.Client {
	return &http.Client{
		Transport: &http.Transport{DisableCompression: true, ForceAttemptHTTP2: false},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// Get performs a GET of target with client and returns the exchange as a
// web archive keeps it: the request head as sent, the response head as
// received without Transfer-Encoding, and the body as it came over the
// wire (dechunked, still compressed), held in memory.
func Get(ctx context.Context, client *http.Client, target string) (*capture.Exchange, error) {
	started := time.Now()
	var remote string
	trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) {
		if a, ok := info.Conn.RemoteAddr().(*net.TCPAddr); ok {
			remote = a.IP.String()
		}
	}}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "Pagekeeper-test")
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	ex := &capture.Exchange{
		Started:   started,
		Method:    http.MethodGet,
		TargetURI: target,
		RemoteIP:  remote,
		Request:   requestHead(req),
		Response:  responseHead(resp),
		Status:    resp.StatusCode,
	}
	if len(body) > 0 {
		ex.Payload = NewMemoryPayload(body)
	}
	return ex, nil
}

// requestHead is the head net/http sends for req (HTTP/1.1).
func requestHead(req *http.Request) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, req.URL.RequestURI(), req.URL.Host)
	req.Header.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}

// responseHead rebuilds the head as received. net/http already moved
// Transfer-Encoding out of the header, as capture.Exchange wants.
func responseHead(resp *http.Response) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/%d.%d %s\r\n", resp.ProtoMajor, resp.ProtoMinor, resp.Status)
	resp.Header.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}

func statusLine(status int) string {
	return fmt.Sprintf("%d %s", status, http.StatusText(status))
}

func pathOf(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return "/"
	}
	return u.RequestURI()
}

func hostOf(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}
