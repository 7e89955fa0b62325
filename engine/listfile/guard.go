package listfile

import (
	"bytes"
	"context"
	"io"
)

// MaxSize is the largest list file read, in bytes. A list of 256 MB
// holds millions of addresses; anything larger is almost certainly the
// wrong file, and refusing it early keeps memory bounded.
const MaxSize = 256 << 20

// sizeGuard counts the file's bytes as they are read, refusing to go past
// MaxSize, and stops as soon as the list's context is canceled, so a huge
// file can be abandoned between two reads.
type sizeGuard struct {
	r    io.Reader
	l    *List
	read int64
}

func (g *sizeGuard) Read(p []byte) (int, error) {
	if err := g.l.canceled(); err != nil {
		return 0, err
	}
	n, err := g.r.Read(p)
	g.read += int64(n)
	if g.read > MaxSize {
		return 0, g.l.fail(TooLarge, nil)
	}
	if err != nil && err != io.EOF {
		err = g.l.fail(Unreadable, err)
	}
	return n, err
}

// nulGuard refuses decoded text that holds a NUL character: text files
// never do, binary files nearly always do, and the sniffing at the start
// only sees the first part of a file.
type nulGuard struct {
	r io.Reader
	l *List
}

func (g *nulGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if bytes.IndexByte(p[:n], 0) >= 0 {
		return 0, g.l.fail(NotAList, nil)
	}
	return n, err
}

// canceled returns the error of the context the list is being read under.
func (l *List) canceled() error {
	if l.ctx == nil {
		return nil
	}
	return context.Cause(l.ctx)
}
