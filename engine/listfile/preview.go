package listfile

import (
	"context"
	"io"
	"strings"

	"pagekeeper/engine/address"

	"github.com/dustin/go-humanize"
)

// maxProblems is how many lines not understood a Summary keeps to show.
const maxProblems = 20

// Summary is what a list holds, for the window to show before anything
// is added: "Firefox bookmarks: 20,000 addresses · 3 lines not understood".
type Summary struct {
	Format        Format
	Addresses     int // distinct web addresses
	Duplicates    int // entries repeating an address found earlier in the file
	NotUnderstood int // entries that are not web addresses
	// Problems are the first lines not understood (at most 20), in file
	// order, with their reasons.
	Problems []address.Rejection
}

// Preview reads the whole list in r and counts what address.Parser makes
// of it, without keeping the addresses. It reads r once, so adding the
// list afterwards means opening the file again. The error is Open's, or
// Err's when reading stopped early (ctx canceled, a read error, a file
// over MaxSize); the Summary then counts what was read until then.
func Preview(ctx context.Context, r io.Reader, name string) (Summary, error) {
	l, err := Open(r, name)
	if err != nil {
		return Summary{}, err
	}
	s := Summary{Format: l.Format()}
	p := address.NewParser(0)
	var batch address.Parsed
	tally := func() {
		s.Addresses += len(batch.Accepted)
		for _, rj := range batch.Rejected {
			if rj.Duplicate {
				s.Duplicates++
				continue
			}
			s.NotUnderstood++
			if len(s.Problems) < maxProblems {
				s.Problems = append(s.Problems, rj)
			}
		}
		batch.Accepted, batch.Rejected = batch.Accepted[:0], batch.Rejected[:0]
	}
	for n, text := range l.Entries(ctx) {
		p.Entry(n, text, &batch)
		if len(batch.Accepted)+len(batch.Rejected) >= 1024 {
			tally()
		}
	}
	tally()
	return s, l.Err()
}

// String says what the list holds in one line, e.g. "Firefox bookmarks:
// 20,000 addresses · 3 lines not understood · 2 duplicates".
func (s Summary) String() string {
	var b strings.Builder
	b.WriteString(s.Format.String())
	b.WriteString(": ")
	if s.Addresses == 0 {
		b.WriteString("no web addresses")
	} else {
		b.WriteString(count(s.Addresses, "address", "addresses"))
	}
	if s.NotUnderstood > 0 {
		b.WriteString(" · " + count(s.NotUnderstood, "line", "lines") + " not understood")
	}
	if s.Duplicates > 0 {
		b.WriteString(" · " + count(s.Duplicates, "duplicate", "duplicates"))
	}
	return b.String()
}

// count writes n with thousands separators and the noun that agrees.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return humanize.Comma(int64(n)) + " " + many
}
