package address

import (
	"iter"
	"strconv"
	"strings"
)

// Accepted is a line that holds a web address pagekeeper can keep.
type Accepted struct {
	Line int    // 1-based line number in the pasted text
	URL  string // the address as Normalize returns it
}

// Rejection is a line that was not accepted, with a reason a person can read.
type Rejection struct {
	Line      int    // 1-based line number in the pasted text
	Text      string // the trimmed line, shortened, printable and without its password
	Reason    string // a plain sentence, e.g. "This address has no site name"
	Duplicate bool   // the line repeats an address accepted on an earlier line
	InList    int    // the job that already holds the address, 0 if none
}

// Parsed is what Parse found, each list in the order of the text.
type Parsed struct {
	Accepted []Accepted
	Rejected []Rejection
}

// Parse reads one address per line. Blank lines and lines starting with
// "#" are notes to oneself and are skipped silently; every other line is
// either accepted or rejected with a reason, so nothing pasted vanishes
// without explanation. A line whose address was already accepted earlier
// is rejected as a duplicate.
func Parse(text string) Parsed {
	var p Parsed
	// An editor's byte order mark would otherwise spoil the first line.
	text = strings.TrimPrefix(text, "\uFEFF")
	// Sizing up front matters for huge pastes: growing the map step by
	// step costs a good part of the time.
	parser := NewParser(strings.Count(text, "\n") + 1)
	for n, line := range Lines(text) {
		parser.Entry(n, line, &p)
	}
	return p
}

// A Parser judges a list one entry at a time, remembering the addresses
// it accepted, so a list read in batches (a large file, entry by entry)
// gets exactly the verdicts Parse gives the same lines at once: a repeat
// is caught however far apart the two entries are.
type Parser struct {
	seen map[string]int // accepted address -> its entry number
}

// NewParser returns a Parser for about sizeHint entries (0 if unknown).
func NewParser(sizeHint int) *Parser {
	return &Parser{seen: make(map[string]int, sizeHint)}
}

// Entry judges the entry numbered n (its line in the file or the box) and
// appends it to into.Accepted or into.Rejected. A blank entry or a "#"
// note adds nothing. Callers may empty into between calls (to add in
// batches); the Parser still remembers every address it accepted.
func (p *Parser) Entry(n int, text string, into *Parsed) {
	line := strings.TrimSpace(text)
	if line == "" || line[0] == '#' {
		return
	}
	u, err := Normalize(line)
	if err != nil {
		into.Rejected = append(into.Rejected, Rejection{Line: n, Text: rejectedText(line), Reason: err.Error()})
		return
	}
	if first, ok := p.seen[u]; ok {
		into.Rejected = append(into.Rejected, Rejection{
			Line: n, Text: rejectedText(line), Duplicate: true,
			Reason: "Duplicate of line " + strconv.Itoa(first),
		})
		return
	}
	p.seen[u] = n
	into.Accepted = append(into.Accepted, Accepted{Line: n, URL: u})
}

// Lines yields each line of text with its 1-based number. "\r\n", "\n"
// and a lone "\r" (old Mac files) all end a line, so numbers match what the
// person sees in their editor, and callers that number lines agree with
// Parse.
func Lines(text string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for n := 1; ; n++ {
			i := strings.IndexAny(text, "\r\n")
			if i < 0 {
				yield(n, text)
				return
			}
			if !yield(n, text[:i]) {
				return
			}
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			text = text[i+1:]
		}
	}
}
