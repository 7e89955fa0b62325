package listfile

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"iter"
)

// sampleSize is how much of a file is looked at to tell its encoding and
// format. Bookmark files and CSV headers show what they are within the
// first few lines; 64 KiB also covers a long first line.
const sampleSize = 64 << 10

// A List is a list file being read. Its entries are read from the file as
// they are asked for, once: range over All or Entries a single time.
type List struct {
	name   string // as shown in messages
	format Format
	text   *bufio.Reader // the decoded text
	ctx    context.Context
	err    error
	used   bool
}

// Entry is one address-like item of a list.
type Entry struct {
	Line   int    // the line of the file where the entry starts, from 1
	Text   string // the address as written: a line, a CSV cell, a link's target
	Title  string // a bookmark's or link's title; "" in text and CSV files
	Folder string // a bookmark's folder, like "Bookmarks bar / Recipes"; "" if none
}

// Open looks at the start of r to find its encoding and format, and
// returns the List to read its entries from. name is the file's name,
// used in messages and to break a tie between plain text and CSV. The
// error, if any, is an *Error whose message a person can read: the file
// is empty, is not a list (binary), is larger than MaxSize, or could not
// be read.
func Open(r io.Reader, name string) (*List, error) {
	l := &List{name: shownName(name)}
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := st.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > MaxSize {
			return nil, l.fail(TooLarge, nil)
		}
	}
	raw := bufio.NewReaderSize(&sizeGuard{r: r, l: l}, sampleSize)
	sample, err := raw.Peek(sampleSize)
	if err != nil && err != io.EOF {
		return nil, l.fail(Unreadable, err)
	}
	whole := err == io.EOF
	enc, bom := detectEncoding(sample, whole)
	raw.Discard(bom)
	sample = sample[bom:]
	if len(sample) == 0 {
		return nil, l.fail(Empty, nil)
	}
	if (enc == UTF8 || enc == Windows1252) && looksBinary(sample) {
		return nil, l.fail(NotAList, nil)
	}
	l.text = bufio.NewReaderSize(&nulGuard{r: decoder(enc, raw), l: l}, sampleSize)
	text, err := l.text.Peek(sampleSize)
	if err != nil && err != io.EOF {
		return nil, l.asError(err)
	}
	if enc != UTF8 && enc != Windows1252 && looksBinary(text) {
		return nil, l.fail(NotAList, nil)
	}
	if len(bytes.TrimSpace(text)) == 0 && err == io.EOF {
		return nil, l.fail(Empty, nil)
	}
	l.format = detectFormat(text, err == io.EOF, name)
	l.format.Encoding = enc
	return l, nil
}

// Format returns what the file was found to be.
func (l *List) Format() Format { return l.format }

// All yields the list's entries in file order until the end of the file,
// an error or ctx's end; then Err says which. Blank lines are not
// entries; "#" notes in a text file are, and address.Parser skips them,
// so entries can be numbered by the line they are on.
func (l *List) All(ctx context.Context) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		if l.used {
			return
		}
		l.used = true
		l.ctx = ctx
		next := l.reader()
		for n := 0; ; n++ {
			if n%1024 == 0 {
				if err := l.canceled(); err != nil {
					l.setErr(err)
					return
				}
			}
			e, err := next()
			if err != nil {
				if err != io.EOF {
					l.setErr(l.asError(err))
				}
				return
			}
			if !yield(e) {
				return
			}
		}
	}
}

// Entries yields each entry's line number and text: what address.Parser
// takes.
func (l *List) Entries(ctx context.Context) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for e := range l.All(ctx) {
			if !yield(e.Line, e.Text) {
				return
			}
		}
	}
}

// Err returns why reading stopped before the end of the file: an *Error
// with a sentence to show, or the context's error when it was canceled
// (not worth showing). It is nil after a complete read.
func (l *List) Err() error { return l.err }

// reader returns the function that reads the next entry of l's format.
func (l *List) reader() func() (Entry, error) {
	switch l.format.Kind {
	case CSV:
		return newCSVReader(l).next
	case Bookmarks, WebPage:
		return newLinkReader(l).next
	}
	return newLineReader(l.text).next
}

// fail records and returns an *Error of the given kind.
func (l *List) fail(kind ErrorKind, cause error) error {
	var e *Error
	if errors.As(cause, &e) {
		return e // already explained by a guard below
	}
	return &Error{Kind: kind, Name: l.name, err: cause}
}

// asError turns an error met while reading into what Err reports.
func (l *List) asError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e // from a guard, perhaps wrapped by a decoder or parser
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if l.ctx != nil && l.ctx.Err() != nil {
		return context.Cause(l.ctx)
	}
	return &Error{Kind: Unreadable, Name: l.name, err: err}
}

func (l *List) setErr(err error) {
	if l.err == nil {
		l.err = err
	}
}
