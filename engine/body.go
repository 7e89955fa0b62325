package engine

import (
	"bytes"
	"io"
	"os"
)

// body holds a downloaded page: in memory up to a limit, beyond it in a
// temporary file inside the output folder, so memory stays flat whatever
// the size of the page.
type body struct {
	out   *outDir
	limit int64
	mem   bytes.Buffer
	file  *os.File
	name  string // the temporary file's name inside out, when spilled
	size  int64
}

func newBody(out *outDir, limit int64) *body { return &body{out: out, limit: limit} }

// Write appends p, moving everything to a temporary file when the memory
// limit would be passed.
func (b *body) Write(p []byte) (int, error) {
	if b.file == nil && int64(b.mem.Len()+len(p)) > b.limit {
		f, name, err := b.out.createTemp("download")
		if err != nil {
			return 0, err
		}
		b.file, b.name = f, name
		if _, err := f.Write(b.mem.Bytes()); err != nil {
			return 0, err
		}
		b.mem = bytes.Buffer{}
	}
	var n int
	var err error
	if b.file != nil {
		n, err = b.file.Write(p)
	} else {
		n, err = b.mem.Write(p)
	}
	b.size += int64(n)
	return n, err
}

// Len is the number of bytes held.
func (b *body) Len() int64 { return b.size }

// Open returns a reader over the whole body from its start.
func (b *body) Open() (io.Reader, error) {
	if b.file == nil {
		return bytes.NewReader(b.mem.Bytes()), nil
	}
	if _, err := b.file.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return b.file, nil
}

// takeFile hands over the temporary file holding the body, if it spilled;
// the body then no longer owns it.
func (b *body) takeFile() (*os.File, string) {
	f, name := b.file, b.name
	b.file, b.name = nil, ""
	return f, name
}

// discard frees the body and removes its temporary file, if any.
func (b *body) discard() {
	b.mem = bytes.Buffer{}
	if b.file != nil {
		b.file.Close()
		b.out.remove(b.name)
		b.file = nil
	}
}
