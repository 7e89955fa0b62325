package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha256"
	"hash"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

// Spool is where bodies too large for memory go: temporary files inside
// the output folder (see package store), named relative to it.
type Spool interface {
	CreateTemp(prefix string) (*os.File, string, error)
	OpenTemp(name string) (*os.File, error)
	Remove(name string)
}

// Body is a payload as it came over the wire, kept once: in memory up to a
// limit, beyond it in a temporary file. It is hashed while it arrives.
// Readers see it through Open (the wire bytes) or Decoded (the content);
// both may be called any number of times, from any goroutine, until the
// last holder calls Release.
type Body struct {
	spool    Spool
	limit    int64
	encoding string // Content-Encoding, lower case; "" for none

	// Written only while the body arrives, by one goroutine.
	mem  []byte
	file *os.File // nil once closed (see closeFile) or never spilled
	name string   // the temporary file's name, while the body owns it
	size int64
	hash hash.Hash
	bg   *bgHash // hashes on another core once the body is large
	// flushed is how much of the file the disk was asked to start
	// writing, so the sync when it is kept has little left to do
	flushed int64
	sum     [32]byte

	refs     atomic.Int32
	freeOnce sync.Once
}

func newBody(spool Spool, limit int64, encoding string) *Body {
	b := &Body{spool: spool, limit: limit, encoding: strings.ToLower(strings.TrimSpace(encoding)), hash: sha256.New()}
	if b.encoding == "identity" {
		b.encoding = ""
	}
	b.refs.Store(1)
	return b
}

// write appends p, moving everything to a temporary file when the memory
// limit would be passed.
func (b *Body) write(p []byte) error {
	if b.file == nil && int64(len(b.mem)+len(p)) > b.limit && b.spool != nil {
		f, name, err := b.spool.CreateTemp("download")
		if err != nil {
			return err
		}
		b.file, b.name = f, name
		if _, err := f.Write(b.mem); err != nil {
			return err
		}
		b.mem = nil
	}
	if b.bg == nil && b.size >= bgHashAfter {
		b.bg = newBGHash(b.hash) // what came before is digested already
	}
	if b.bg != nil {
		b.bg.Write(p)
	} else {
		b.hash.Write(p)
	}
	if b.file != nil {
		if _, err := b.file.Write(p); err != nil {
			return err
		}
	} else {
		b.mem = append(b.mem, p...)
	}
	b.size += int64(len(p))
	if b.file != nil && b.size-b.flushed >= writebackChunk {
		startWriteback(b.file, b.flushed, b.size-b.flushed)
		b.flushed = b.size
	}
	return nil
}

// finish seals the body once the last byte has arrived.
func (b *Body) finish() {
	if b.bg != nil {
		copy(b.sum[:], b.bg.Sum())
		b.bg = nil
	} else {
		copy(b.sum[:], b.hash.Sum(nil))
	}
	b.hash = nil
}

// Size is the number of bytes received.
func (b *Body) Size() int64 { return b.size }

// SHA256 is the digest of the bytes as received.
func (b *Body) SHA256() [32]byte { return b.sum }

// Identity reports whether the content is the wire bytes themselves, so
// SHA256 is also the content's digest.
func (b *Body) Identity() bool { return b.encoding == "" }

// closeFile lets go of a complete spilled body's file handle: readers open
// the file again. A run keeps every resource until it ends, and one handle
// each would run out (about 10,000 on macOS).
func (b *Body) closeFile() {
	if b.file != nil && b.name != "" {
		b.file.Close()
		b.file = nil
	}
}

// Open reads the bytes as received, from the first.
func (b *Body) Open() (io.ReadCloser, error) {
	if b.file == nil && b.name != "" {
		f, err := b.spool.OpenTemp(b.name)
		if err != nil {
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{io.LimitReader(f, b.size), f}, nil
	}
	if b.file == nil {
		return io.NopCloser(bytes.NewReader(b.mem)), nil
	}
	// A section reader has an offset of its own: many readers at once,
	// and the file's name may already belong to a saved page.
	return io.NopCloser(io.NewSectionReader(b.file, 0, b.size)), nil
}

// knownEncoding reports whether Decoded can undo enc.
func knownEncoding(enc string) bool {
	switch enc {
	case "", "gzip", "x-gzip", "deflate":
		return true
	}
	return false
}

// Decoded reads the content: the bytes as received with the content
// encoding undone.
func (b *Body) Decoded() (io.ReadCloser, error) {
	if !knownEncoding(b.encoding) {
		return nil, errUnknownEncoding
	}
	r, err := b.Open()
	if err != nil {
		return nil, err
	}
	switch b.encoding {
	case "":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			r.Close()
			return nil, err
		}
		return decoder{zr, r}, nil
	case "deflate":
		// Servers send either zlib-wrapped or raw deflate under this name.
		if zr, err := zlib.NewReader(r); err == nil {
			return decoder{zr, r}, nil
		}
		r.Close()
		if r, err = b.Open(); err != nil {
			return nil, err
		}
		return decoder{flate.NewReader(r), r}, nil
	}
	return nil, errUnknownEncoding
}

// decoder is a decompressing reader whose Close also closes what it
// reads from (the decompressors leave that open).
type decoder struct {
	io.ReadCloser
	from io.Closer
}

func (d decoder) Close() error {
	err := d.ReadCloser.Close()
	if cerr := d.from.Close(); err == nil {
		err = cerr
	}
	return err
}

// InMemory reports whether the body never spilled to disk.
func (b *Body) InMemory() bool { return b.file == nil && b.name == "" }

// TakeFile hands over the temporary file's name so it can become a saved
// file as it is (no copy for the largest pages). The body keeps reading
// through its open handle, and no longer removes the name on Release.
func (b *Body) TakeFile() (name string, f *os.File, ok bool) {
	if b.file == nil || b.name == "" {
		return "", nil, false
	}
	name, b.name = b.name, ""
	return name, b.file, true
}

// Retain adds a holder; each holder calls Release once.
func (b *Body) Retain() { b.refs.Add(1) }

// Release drops a hold; the last one frees the memory and removes the
// temporary file.
func (b *Body) Release() {
	if b.refs.Add(-1) > 0 {
		return
	}
	b.free()
}

func (b *Body) free() {
	b.freeOnce.Do(func() {
		if b.bg != nil { // given up while arriving
			b.bg.stop()
			b.bg = nil
		}
		b.mem = nil
		if b.file != nil {
			b.file.Close()
		}
		if b.name != "" {
			b.spool.Remove(b.name)
		}
	})
}

// payload lets an exchange hold the body for the recorder.
type payload struct{ *Body }

func (p payload) Open() (io.ReadCloser, error) { return p.Body.Open() }
