package listfile

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestPreview(t *testing.T) {
	content := "# my sites\nexample.com\nhttps://example.com/\nabc\nmailto:x@y.example\nexample.org/a b\n\nexample.org/a%20b\nhttps://ann:secret@exa mple.com\n"
	s, err := Preview(context.Background(), strings.NewReader(content), "sites.txt")
	if err != nil {
		t.Fatal(err)
	}
	if s.Addresses != 2 || s.Duplicates != 2 || s.NotUnderstood != 3 || len(s.Problems) != 3 {
		t.Fatalf("summary %+v", s)
	}
	if p := s.Problems[0]; p.Line != 4 || p.Reason != "abc is not a web address: a site name has a dot, like example.com" {
		t.Errorf("first problem %+v", p)
	}
	if p := s.Problems[2]; p.Line != 9 || strings.Contains(p.Text, "secret") {
		t.Errorf("a password shows in %+v", p)
	}
	if got, want := s.String(), "Text file: 2 addresses · 3 lines not understood · 2 duplicates"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestPreviewWords(t *testing.T) {
	tests := []struct {
		s    Summary
		want string
	}{
		{Summary{Format: Format{Kind: Bookmarks, Browser: "Firefox"}, Addresses: 20000}, "Firefox bookmarks: 20,000 addresses"},
		{Summary{Addresses: 1, NotUnderstood: 1, Duplicates: 1}, "Text file: 1 address · 1 line not understood · 1 duplicate"},
		{Summary{Format: Format{Kind: CSV, Comma: ',', Header: "url"}, NotUnderstood: 1234567}, "CSV file (column “url”): no web addresses · 1,234,567 lines not understood"},
		{Summary{Format: Format{Kind: WebPage}, Addresses: 999}, "Web page: 999 addresses"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestPreviewKeepsTheFirstProblems(t *testing.T) {
	s, err := Preview(context.Background(), strings.NewReader(strings.Repeat("nonsense\n", 5000)+"example.com"), "x.txt")
	if err != nil || s.NotUnderstood != 5000 || len(s.Problems) != maxProblems || s.Problems[maxProblems-1].Line != maxProblems || s.Addresses != 1 {
		t.Errorf("summary %d %d %d, %v", s.NotUnderstood, len(s.Problems), s.Addresses, err)
	}
}

func TestPreviewErrors(t *testing.T) {
	if _, err := Preview(context.Background(), strings.NewReader(""), "empty.txt"); refusal(t, err, "empty.txt") != Empty {
		t.Errorf("empty: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Preview(ctx, strings.NewReader("example.com"), "x.txt"); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
}
