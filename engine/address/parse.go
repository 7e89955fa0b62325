package address

import (
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
	forEachLine(text, func(n int, line string) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			return
		}
		u, err := Normalize(line)
		if err != nil {
			p.Rejected = append(p.Rejected, Rejection{Line: n, Text: displayText(line), Reason: err.Error()})
			return
		}
		if first, ok := seen[u]; ok {
			p.Rejected = append(p.Rejected, Rejection{
				Line: n, Text: displayText(line), Duplicate: true,
				Reason: "Duplicate of line " + strconv.Itoa(first),
			})
			return
		}
		seen[u] = n
		p.Accepted = append(p.Accepted, Accepted{Line: n, URL: u})
	})
	return p
}

// forEachLine calls fn with each line and its 1-based number. "\r\n",
// "\n" and a lone "\r" (old Mac files) all end a line, so numbers match
// what the person sees in their editor.
func forEachLine(text string, fn func(n int, line string)) {
	n := 1
	for {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			fn(n, text)
			return
		}
		fn(n, text[:i])
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
		n++
	}
}
