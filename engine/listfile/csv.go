package listfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"pagekeeper/engine/address"
)

// addressHeaders are header cells that name the address column.
var addressHeaders = map[string]bool{
	"url": true, "urls": true, "uri": true, "href": true, "link": true, "links": true,
	"address": true, "addresses": true, "web address": true, "website": true, "page url": true,
}

// detectCSV decides whether a sample of complete lines is a table and
// where its addresses are. A header cell naming the column settles it
// whatever the separator. Without one, a table needs a ".csv" or ".tsv"
// name, or tabs (which no address holds) on every line, or quoted cells:
// commas and semicolons alone do not make a table, since addresses
// contain them.
func detectCSV(sample []byte, ext string) (Format, bool) {
	byComma := map[rune][][]string{}
	for _, comma := range []rune{'\t', ',', ';'} {
		recs := sampleRecords(sample, comma)
		byComma[comma] = recs
		if len(recs) == 0 {
			continue
		}
		for col, cell := range recs[0] {
			name := strings.ToLower(strings.TrimSpace(cell))
			// A lone header cell says nothing of the separator: the name does.
			if addressHeaders[name] && (len(recs[0]) >= 2 || ext == ".csv" && comma == ',' || ext == ".tsv" && comma == '\t') {
				return Format{Kind: CSV, Comma: comma, Column: col, HeaderRow: true, Header: strings.TrimSpace(cell)}, true
			}
		}
	}
	comma := rune(0)
	switch {
	case ext == ".tsv" || ext == ".tab":
		comma = '\t'
	case ext == ".csv":
		comma = ','
		for _, c := range []rune{',', ';', '\t'} {
			if table(byComma[c]) {
				comma = c
				break
			}
		}
	case table(byComma['\t']):
		comma = '\t'
	case table(byComma[',']) && quoted(sample, ','):
		comma = ','
	case table(byComma[';']) && quoted(sample, ';'):
		comma = ';'
	default:
		return Format{}, false
	}
	return Format{Kind: CSV, Comma: comma, HeaderRow: unnamedHeader(byComma[comma])}, true
}

// sampleRecords reads up to 50 records of sample as CSV.
func sampleRecords(sample []byte, comma rune) [][]string {
	r := newCSV(bytes.NewReader(sample), comma)
	var recs [][]string
	for len(recs) < 50 {
		rec, err := r.Read()
		if err != nil {
			break
		}
		recs = append(recs, slices.Clone(rec)) // the reader reuses rec
	}
	return recs
}

// table reports whether records look like rows of one table: two or more
// of them, all with the same number (two or more) of cells.
func table(recs [][]string) bool {
	if len(recs) < 2 || len(recs[0]) < 2 {
		return false
	}
	for _, r := range recs {
		if len(r) != len(recs[0]) {
			return false
		}
	}
	return true
}

// quoted reports whether a cell of sample starts with a quote, as
// spreadsheets write cells holding the separator.
func quoted(sample []byte, comma rune) bool {
	return bytes.HasPrefix(sample, []byte(`"`)) || bytes.Contains(sample, []byte("\n\"")) ||
		bytes.Contains(sample, []byte(string(comma)+`"`))
}

// unnamedHeader reports whether the first row is a header with a name
// other than those in addressHeaders: its first cell is not an address
// and the next row's is.
func unnamedHeader(recs [][]string) bool {
	if len(recs) < 2 || len(recs[0]) == 0 || len(recs[1]) == 0 {
		return false
	}
	_, err0 := address.Normalize(recs[0][0])
	_, err1 := address.Normalize(recs[1][0])
	return err0 != nil && err1 == nil
}

func newCSV(r io.Reader, comma rune) *csv.Reader {
	c := csv.NewReader(r)
	c.Comma = comma
	c.FieldsPerRecord = -1 // rows may differ
	c.LazyQuotes = true    // spreadsheets and scripts are not always strict
	c.TrimLeadingSpace = true
	c.ReuseRecord = true
	return c
}

// csvReader yields the address cell of each row.
type csvReader struct {
	l          *List
	r          *csv.Reader
	column     int
	skipHeader bool
}

func newCSVReader(l *List) *csvReader {
	return &csvReader{l: l, r: newCSV(l.text, l.format.Comma), column: l.format.Column, skipHeader: l.format.HeaderRow}
}

func (c *csvReader) next() (Entry, error) {
	for {
		rec, err := c.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.As(err, new(*Error)) {
				return Entry{}, &Error{Kind: Broken, Name: c.l.name, Line: pe.StartLine, err: err}
			}
			return Entry{}, err
		}
		if c.skipHeader {
			c.skipHeader = false
			continue
		}
		if c.column >= len(rec) {
			// A row without the address column (a note, or a quote left
			// open) is passed on whole, so it is reported, not lost.
			line, _ := c.r.FieldPos(0)
			return Entry{Line: line, Text: strings.TrimSpace(strings.Join(rec, string(c.r.Comma)))}, nil
		}
		line, _ := c.r.FieldPos(c.column)
		return Entry{Line: line, Text: strings.TrimSpace(rec[c.column])}, nil
	}
}
