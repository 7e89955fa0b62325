package enginetest

import (
	"compress/gzip"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
)

// serveBody sends the 2xx answer: headers, then Body shaped by the transfer
// knobs.
func (s *Server) serveBody(w http.ResponseWriter, r *http.Request, k Knobs) {
	h := w.Header()
	switch k.ContentType {
	case "":
		h.Set("Content-Type", DefaultContentType)
	case NoContentType:
		h["Content-Type"] = nil // nil, not absent: stops net/http sniffing
	default:
		h.Set("Content-Type", k.ContentType)
	}
	if cd := disposition(k); cd != "" {
		h.Set("Content-Disposition", cd)
	}
	compress := k.Gzip && acceptsGzip(r.Header.Get("Accept-Encoding"))
	if compress {
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
	}
	size := k.BodySize()
	send, lying := size, false
	if !k.Chunked && !compress {
		announced := max(size+k.WrongLength, 0)
		h.Set("Content-Length", strconv.FormatInt(announced, 10))
		send, lying = min(size, announced), announced > size
	}
	status := k.status()
	w.WriteHeader(status)
	if r.Method == http.MethodHead || status == http.StatusNoContent {
		return
	}
	rc := http.NewResponseController(w)
	if k.Chunked || compress || k.Hang {
		// Flushing before any body commits net/http to chunked encoding
		// even for a body small enough to get a computed length, and gets
		// a hanging response's headers to the client.
		rc.Flush()
	}
	if k.Hang {
		s.hang(r.Context())
		abort(w)
	}

	out := &wire{w: w, rc: rc, s: s, ctx: r.Context(), limit: -1, drip: k.Drip, chunk: k.dripChunk()}
	switch {
	case k.ResetAfter < 0:
		out.limit = 0
	case k.ResetAfter > 0:
		out.limit = k.ResetAfter
	}
	err := out.check()
	if err == nil {
		err = writeBody(out, k.BodyPath, send, compress)
	}
	switch {
	case errors.Is(err, errReset) && k.ResetHard:
		resetHard(w)
	case err != nil, lying:
		abort(w)
	}
}

// writeBody copies the body into out, through gzip when asked.
func writeBody(out io.Writer, path string, size int64, compress bool) error {
	body := newBodyReader(path, size)
	if !compress {
		_, err := body.WriteTo(out)
		return err
	}
	// BestSpeed keeps a large gzip body from being limited by the
	// compressor rather than by the client under test.
	zw, err := gzip.NewWriterLevel(out, gzip.BestSpeed)
	if err != nil {
		return err
	}
	if _, err := body.WriteTo(zw); err != nil {
		return err
	}
	return zw.Close()
}

// disposition is the Content-Disposition header k asks for, "" for none.
func disposition(k Knobs) string {
	if k.DispositionRaw != "" {
		return k.DispositionRaw
	}
	if k.Disposition == "" {
		return ""
	}
	if v := mime.FormatMediaType("attachment", map[string]string{"filename": k.Disposition}); v != "" {
		return v
	}
	// FormatMediaType gives up only on names it cannot express at all;
	// sending them quoted anyway is still a useful hostile header.
	return "attachment; filename=" + strconv.Quote(k.Disposition)
}
