package enginetest

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"io"
)

const (
	// period is prime so the pattern never lines up with the power-of-two
	// buffers of a client: a block written twice or at the wrong offset
	// shows up as a mismatch instead of happening to compare equal.
	period = 65521
	// window is the largest single write. The pattern buffer holds
	// period+window bytes so that any window is one contiguous slice and a
	// large body streams with plain copies.
	window = 32 << 10
)

// alphabet has 64 printable bytes so a mismatch in a failing test is
// readable and six random bits pick one.
const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"

// Body is the body the server sends for path (the request's decoded path, or
// Knobs.BodyPath) at size bytes. It depends only on path and position, so
// Body(p, n) is a prefix of Body(p, m) for n < m. It allocates size bytes:
// use BodyReader or BodySHA256 for large bodies.
func Body(path string, size int64) []byte {
	b := make([]byte, max(size, 0))
	io.ReadFull(BodyReader(path, size), b)
	return b
}

// BodyReader streams Body(path, size) without holding it. The reader also
// implements io.WriterTo, which is how the server writes large bodies fast.
func BodyReader(path string, size int64) io.Reader {
	return newBodyReader(path, size)
}

// BodySHA256 is the hex SHA-256 of Body(path, size), for checking large
// downloads against what was served.
func BodySHA256(path string, size int64) string {
	h := sha256.New()
	newBodyReader(path, size).WriteTo(h)
	return hex.EncodeToString(h.Sum(nil))
}

type bodyReader struct {
	buf       []byte // the pattern, periodic with period
	off, size int64
}

func newBodyReader(path string, size int64) *bodyReader {
	size = max(size, 0)
	return &bodyReader{buf: pattern(path, size), size: size}
}

// next is the contiguous slice of at most n bytes that comes at the offset.
func (b *bodyReader) next(n int64) []byte {
	start := b.off % period
	n = min(n, b.size-b.off, int64(len(b.buf))-start)
	return b.buf[start : start+n]
}

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.off >= b.size {
		return 0, io.EOF
	}
	n := copy(p, b.next(int64(len(p))))
	b.off += int64(n)
	return n, nil
}

func (b *bodyReader) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for b.off < b.size {
		chunk := b.next(window)
		n, err := w.Write(chunk)
		b.off += int64(n)
		total += int64(n)
		if err != nil {
			return total, err
		}
		if n < len(chunk) {
			return total, io.ErrShortWrite
		}
	}
	return total, nil
}

// pattern builds the first min(size, period+window) bytes of path's body:
// only what a body of that size can use, so 2,000 small pages stay cheap.
// Lines of 63 letters keep a dumped body readable.
func pattern(path string, size int64) []byte {
	buf := make([]byte, min(size, period+window))
	h := fnv.New64a()
	h.Write([]byte(path))
	state := h.Sum64()
	var bits uint64
	left := 0
	generated := min(len(buf), period)
	for i := range generated {
		if i%64 == 63 {
			buf[i] = '\n'
			continue
		}
		if left == 0 {
			state, bits = splitmix64(state)
			left = 10
		}
		buf[i] = alphabet[bits&63]
		bits >>= 6
		left--
	}
	copy(buf[generated:], buf)
	return buf
}

// splitmix64 is a tiny, well-mixed generator: the pattern must be the same
// on every platform and Go version, which math/rand does not promise.
func splitmix64(state uint64) (next, out uint64) {
	next = state + 0x9e3779b97f4a7c15
	z := next
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return next, z ^ z>>31
}
