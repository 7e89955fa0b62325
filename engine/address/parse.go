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
	Text      string // the trimmed line, shortened and made printable for display
	Reason    string // a plain sentence, e.g. "This address has no site name"
	Duplicate bool   // the line repeats an address accepted on an earlier line
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
	seen := make(map[string]int, strings.Count(text, "\n")+1)
	for n, line := range Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		u, err := Normalize(line)
		if err != nil {
			p.Rejected = append(p.Rejected, Rejection{Line: n, Text: displayText(line), Reason: err.Error()})
			continue
		}
		if first, ok := seen[u]; ok {
			p.Rejected = append(p.Rejected, Rejection{
				Line: n, Text: displayText(line), Duplicate: true,
				Reason: "Duplicate of line " + strconv.Itoa(first),
			})
			continue
		}
		seen[u] = n
		p.Accepted = append(p.Accepted, Accepted{Line: n, URL: u})
	}
	return p
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
