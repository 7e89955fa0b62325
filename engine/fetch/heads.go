package fetch

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// requestHead is the request as it goes over the wire, for the archive:
// the request line, Host, then the headers we set in a stable order. A
// password is never stored: its header reads "Basic ***".
func requestHead(req *http.Request) []byte {
	var b bytes.Buffer
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	b.WriteString(req.Method + " " + req.URL.RequestURI() + " HTTP/1.1\r\n")
	b.WriteString("Host: " + host + "\r\n")
	keys := make([]string, 0, len(req.Header))
	for k := range req.Header {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range req.Header[k] {
			if k == "Authorization" {
				v, _, _ = strings.Cut(v, " ")
				v += " ***"
			}
			b.WriteString(k + ": " + v + "\r\n")
		}
	}
	b.WriteString("\r\n")
	return b.Bytes()
}

// responseHead is the status line and headers as received. HTTP/2
// answers are written in HTTP/1.1 form, which is how archives store them;
// Transfer-Encoding is left out because the payload is kept de-chunked.
func responseHead(resp *http.Response) []byte {
	var b bytes.Buffer
	proto := resp.Proto
	if resp.ProtoMajor != 1 {
		proto = "HTTP/1.1"
	}
	status := resp.Status
	if status == "" {
		status = http.StatusText(resp.StatusCode)
	}
	b.WriteString(proto + " " + status + "\r\n")
	h := resp.Header.Clone()
	h.Del("Transfer-Encoding")
	if resp.ContentLength >= 0 && h.Get("Content-Length") == "" && len(resp.TransferEncoding) == 0 {
		// net/http moves a known length out of the header map at times.
		h.Set("Content-Length", strconv.FormatInt(resp.ContentLength, 10))
	}
	h.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}
