package listfile

import (
	"bufio"
	"bytes"
	"io"
)

// maxLine is the longest line kept whole. An address has at most
// address.MaxLength (2,048) characters, so a longer line is cut here and
// the rest of it skipped: it is still rejected as too long, and a file
// that is one enormous line costs no more memory than a short one.
const maxLine = 16 << 10

// lineReader yields the lines of a text file, numbered as address.Lines
// numbers them: "\r\n", "\n" and a lone "\r" each end a line.
type lineReader struct {
	sc     *bufio.Scanner
	split  lineSplitter
	n      int
	long   []byte // the start of a line longer than a token, up to maxLine
	inLong bool
}

func newLineReader(r io.Reader) *lineReader {
	lr := &lineReader{sc: bufio.NewScanner(r)}
	lr.sc.Buffer(make([]byte, 0, sampleSize), sampleSize)
	lr.sc.Split(lr.split.split)
	return lr
}

func (lr *lineReader) next() (Entry, error) {
	for lr.sc.Scan() {
		tok := lr.sc.Bytes()
		if lr.inLong || !lr.split.ended {
			lr.long = append(lr.long, tok[:min(len(tok), maxLine-len(lr.long))]...)
			lr.inLong = !lr.split.ended
			if lr.inLong {
				continue
			}
			tok = lr.long
			lr.long = lr.long[:0] // tok is copied into a string below, before any reuse
		}
		if e, ok := lr.entry(tok); ok {
			return e, nil
		}
	}
	if err := lr.sc.Err(); err != nil {
		return Entry{}, err
	}
	if lr.inLong { // the file ended inside a long line
		lr.inLong = false
		if e, ok := lr.entry(lr.long); ok {
			return e, nil
		}
	}
	return Entry{}, io.EOF
}

// entry numbers the next line and returns it unless it is blank.
func (lr *lineReader) entry(line []byte) (Entry, bool) {
	lr.n++
	if len(bytes.TrimSpace(line)) == 0 {
		return Entry{}, false // blank lines are not entries, but they are counted
	}
	return Entry{Line: lr.n, Text: string(line[:min(len(line), maxLine)])}, true
}

// lineSplitter is a bufio.SplitFunc that returns lines without their
// ends, and pieces of lines too long for the buffer. ended says whether
// the last token finished its line; a bufio.Scanner stops at the end of
// the file unless every call that advances returns a token, so a long
// line is passed on in pieces rather than skipped here.
type lineSplitter struct {
	ended bool
}

func (s *lineSplitter) split(data []byte, atEOF bool) (int, []byte, error) {
	if len(data) == 0 {
		return 0, nil, nil
	}
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0 && (atEOF || len(data) >= maxLine):
		s.ended = atEOF
		return len(data), data, nil
	case i < 0:
		return 0, nil, nil // ask for more of the line
	case data[i] == '\n':
		s.ended = true
		return i + 1, data[:i], nil
	case i+1 < len(data):
		s.ended = true
		if data[i+1] == '\n' {
			return i + 2, data[:i], nil
		}
		return i + 1, data[:i], nil
	case atEOF:
		s.ended = true
		return i + 1, data[:i], nil
	case i >= maxLine:
		// A "\r" at the end of a full buffer: pass on the line so far and
		// look at the "\r" again with what follows it.
		s.ended = false
		return i, data[:i], nil
	}
	return 0, nil, nil // a "\r": wait to see whether "\n" follows
}
