package page

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"strconv"

	"golang.org/x/text/transform"

	"pagekeeper/engine/failure"
)

// While writing, a resource's bytes are not put in the HTML tree (that
// would hold them all in memory at once): a marker stands in their place,
// and the expander that the rendered page goes through swaps each marker
// for the bytes, streamed from disk, as the page is written. Markers hold
// only letters, digits and "_", which no escaping (HTML attribute, nested
// srcdoc, CSS string, srcset) changes, and the assembler's random nonce,
// which no page can contain by chance.

type markKind uint8

const (
	markData       markKind = iota // a data: URI of res
	markScript                     // res as script text, escaped for <script>
	markScriptData                 // res as a UTF-8 data: URI for <script src>
	markFrame                      // doc as a data: URI of its HTML
)

// markKey says what one marker stands for.
type markKey struct {
	kind    markKind
	res     *resource
	doc     *document
	level   int    // markScript: how many srcdoc attributes hold the script
	charset string // markScript, markScriptData: the script's charset attribute
}

// mark returns the marker that stands for k in the page.
func (a *Assembler) mark(k markKey) string {
	id, ok := a.markOf[k]
	if !ok {
		id = len(a.marks)
		a.marks = append(a.marks, k)
		a.markOf[k] = id
	}
	return a.nonce + "_" + strconv.Itoa(id) + "_"
}

// expander writes what goes through it to w with every marker replaced
// by what it stands for.
type expander struct {
	a       *Assembler
	ctx     context.Context
	w       io.Writer
	pending []byte // the tail that may be the start of a marker
}

func (e *expander) Write(p []byte) (int, error) {
	if err := e.ctx.Err(); err != nil {
		return 0, err
	}
	e.pending = append(e.pending, p...)
	nonce := []byte(e.a.nonce)
	for {
		i := bytes.Index(e.pending, nonce)
		if i < 0 {
			keep := partialPrefix(e.pending, nonce)
			if _, err := e.w.Write(e.pending[:len(e.pending)-keep]); err != nil {
				return 0, err
			}
			e.pending = append(e.pending[:0], e.pending[len(e.pending)-keep:]...)
			return len(p), nil
		}
		if _, err := e.w.Write(e.pending[:i]); err != nil {
			return 0, err
		}
		rest := e.pending[i+len(nonce):]
		id, n, complete := parseMarkerID(rest)
		if !complete {
			e.pending = append(e.pending[:0], e.pending[i:]...)
			return len(p), nil
		}
		if id < 0 || id >= len(e.a.marks) {
			// Not one of ours after all: write it as it is.
			if _, err := e.w.Write(nonce); err != nil {
				return 0, err
			}
			e.pending = append(e.pending[:0], rest...)
			continue
		}
		if err := e.a.expand(e.ctx, e.w, e.a.marks[id]); err != nil {
			return 0, err
		}
		e.pending = append(e.pending[:0], rest[n:]...)
	}
}

// flush writes what is left at the end.
func (e *expander) flush() error {
	_, err := e.w.Write(e.pending)
	e.pending = e.pending[:0]
	return err
}

// partialPrefix is the length of the longest tail of b that is a proper
// prefix of nonce.
func partialPrefix(b, nonce []byte) int {
	for k := min(len(nonce)-1, len(b)); k > 0; k-- {
		if bytes.Equal(b[len(b)-k:], nonce[:k]) {
			return k
		}
	}
	return 0
}

// parseMarkerID reads "_123_" after a nonce: the id and the bytes it
// took. complete is false when b may end inside it; id is -1 when it is
// not a marker.
func parseMarkerID(b []byte) (id, n int, complete bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	if b[0] != '_' {
		return -1, 0, true
	}
	i := 1
	for i < len(b) && b[i] >= '0' && b[i] <= '9' && i < 12 {
		i++
	}
	if i == len(b) {
		return 0, 0, false
	}
	if b[i] != '_' || i == 1 {
		return -1, 0, true
	}
	id, err := strconv.Atoi(string(b[1:i]))
	if err != nil {
		return -1, 0, true
	}
	return id, i + 1, true
}

// expand writes what m stands for.
func (a *Assembler) expand(ctx context.Context, w io.Writer, m markKey) error {
	switch m.kind {
	case markFrame:
		if _, err := io.WriteString(w, "data:text/html;charset=utf-8;base64,"); err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, w)
		if err := a.renderExpanded(ctx, enc, m.doc); err != nil {
			return err
		}
		return enc.Close()
	}
	rc, err := m.res.open()
	if err != nil {
		// The file went between Provide and now: the page goes on
		// without it.
		a.extra = append(a.extra, Missing{URL: m.res.key, Failure: failure.Failure{Kind: failure.FileMissing}})
		if m.kind == markScript {
			return nil
		}
		_, err = io.WriteString(w, "about:invalid")
		return err
	}
	defer rc.Close()
	r := io.Reader(&ctxReader{ctx: ctx, r: rc})
	switch m.kind {
	case markScript:
		enc := scriptEncoding(m.res.head, m.res.r.ContentType, m.charset, m.res.docCharset)
		var t transform.Transformer = scriptEscaper{}
		for range m.level {
			t = transform.Chain(t, attrEscaper{})
		}
		_, err = io.Copy(w, transform.NewReader(utf8Reader(r, enc), t))
		return err
	case markScriptData:
		enc := scriptEncoding(m.res.head, m.res.r.ContentType, m.charset, m.res.docCharset)
		r = utf8Reader(r, enc)
		if _, err := io.WriteString(w, "data:text/javascript;charset=utf-8;base64,"); err != nil {
			return err
		}
	default:
		if _, err := io.WriteString(w, "data:"+m.res.mime+";base64,"); err != nil {
			return err
		}
	}
	b64 := base64.NewEncoder(base64.StdEncoding, w)
	if _, err := io.Copy(b64, r); err != nil {
		return err
	}
	return b64.Close()
}

// ctxReader stops reading when the context ends, so Stop does not wait
// for a large image to be copied.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
