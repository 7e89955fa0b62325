package address

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Parsed
	}{
		{"empty", "", Parsed{}},
		{"blanks and comments", "\n  \n# a note\n   # indented note\n\r\n", Parsed{}},
		{
			"line endings", "a.com\r\nb.com\rc.com\nd.com",
			Parsed{Accepted: []Accepted{
				{1, "https://a.com/"}, {2, "https://b.com/"}, {3, "https://c.com/"}, {4, "https://d.com/"},
			}},
		},
		{
			"blank lines keep numbering", "\r\n\r\na.com\r\r\nb.com\n",
			Parsed{Accepted: []Accepted{{3, "https://a.com/"}, {5, "https://b.com/"}}},
		},
		{
			"byte order mark", "\uFEFFa.com",
			Parsed{Accepted: []Accepted{{1, "https://a.com/"}}},
		},
		{
			"duplicates after normalisation",
			"example.com\nhttps://EXAMPLE.com:443/#top\nhttp://example.com\nexample.com",
			Parsed{
				Accepted: []Accepted{{1, "https://example.com/"}, {3, "http://example.com/"}},
				Rejected: []Rejection{
					{Line: 2, Text: "https://EXAMPLE.com:443/#top", Reason: "Duplicate of line 1", Duplicate: true},
					{Line: 4, Text: "example.com", Reason: "Duplicate of line 1", Duplicate: true},
				},
			},
		},
		{
			"rejections are trimmed and explained",
			"  mailto:a@b  \nexample.com\nhttps://exa mple.com\n",
			Parsed{
				Accepted: []Accepted{{2, "https://example.com/"}},
				Rejected: []Rejection{
					{Line: 1, Text: "mailto:a@b", Reason: "Only web addresses (http or https) can be kept; this is a mailto: address"},
					{Line: 3, Text: "https://exa mple.com", Reason: "The site name in this address contains spaces, which site names cannot have"},
				},
			},
		},
		{
			"a rejected line is not remembered as seen", "exa_mple.com\nexa_mple.com",
			Parsed{Rejected: []Rejection{
				{Line: 1, Text: "exa_mple.com", Reason: "The site name in this address is not valid"},
				{Line: 2, Text: "exa_mple.com", Reason: "The site name in this address is not valid"},
			}},
		},
		{
			"display text is printable", "https://a.com/\x00\u202e",
			Parsed{Rejected: []Rejection{
				{Line: 1, Text: "https://a.com/\uFFFD\uFFFD", Reason: "This address contains control characters"},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) =\n%+v\nwant\n%+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestDisplayTextIsShortened(t *testing.T) {
	tests := []struct {
		in        string
		wantRunes int
	}{
		{strings.Repeat("é", 199), 199},
		{strings.Repeat("é", 200), 200},
		{strings.Repeat("é", 5000), 201}, // 200 and the ellipsis
		{"\xff\xfe", 2},
	}
	for _, tt := range tests {
		got := displayText(tt.in)
		if n := utf8.RuneCountInString(got); n != tt.wantRunes || !utf8.ValidString(got) {
			t.Errorf("displayText(%d bytes) has %d runes (valid %v), want %d", len(tt.in), n, utf8.ValidString(got), tt.wantRunes)
		}
	}
}

// TestParserInBatches checks that a list judged entry by entry, with the
// results taken away in batches, gets the verdicts Parse gives it whole.
func TestParserInBatches(t *testing.T) {
	text := "a.com\nb.com\n# note\n\nA.COM\nabc\nb.com/\nc.com\na.com"
	want := Parse(text)
	var got Parsed
	p := NewParser(0)
	var batch Parsed
	for n, line := range Lines(text) {
		p.Entry(n, line, &batch)
		if len(batch.Accepted)+len(batch.Rejected) == 2 {
			got.Accepted = append(got.Accepted, batch.Accepted...)
			got.Rejected = append(got.Rejected, batch.Rejected...)
			batch = Parsed{}
		}
	}
	got.Accepted = append(got.Accepted, batch.Accepted...)
	got.Rejected = append(got.Rejected, batch.Rejected...)
	sortRejected := func(rs []Rejection) { slices.SortFunc(rs, func(a, b Rejection) int { return a.Line - b.Line }) }
	sortRejected(got.Rejected)
	sortRejected(want.Rejected)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("in batches:\n%+v\nwhole:\n%+v", got, want)
	}
	if len(want.Accepted) != 3 || len(want.Rejected) != 4 {
		t.Errorf("Parse(%q) = %+v", text, want)
	}
}
