package listfile

import (
	"bytes"
	"net/http"
	"path/filepath"
	"strings"
)

// Kind is the sort of list a file holds.
type Kind int

// The kinds of list that can be read.
const (
	Text      Kind = iota // one address per line
	CSV                   // comma, semicolon or tab separated values
	Bookmarks             // a browser's bookmarks export (Netscape bookmarks HTML)
	WebPage               // any other HTML: the page's http(s) links
)

// Format is what a list file was found to be.
type Format struct {
	Kind     Kind
	Encoding string // UTF8, UTF16LE, UTF16BE or Windows1252
	// Browser is the browser a bookmarks file came from, when its export
	// shows it: "Firefox", "Chrome or Edge" (their exports are the same),
	// "Safari"; "" otherwise.
	Browser string
	// For CSV: the separator, the column holding the addresses (from 0),
	// whether the first row is a header, and the header cell of the
	// address column when it is named ("url", "address", ...).
	Comma     rune
	Column    int
	HeaderRow bool
	Header    string
}

// String names the format for a person: "Firefox bookmarks", "CSV file
// (column “url”)", "Text file".
func (f Format) String() string {
	switch f.Kind {
	case Bookmarks:
		if f.Browser == "" {
			return "Bookmarks file"
		}
		return f.Browser + " bookmarks"
	case WebPage:
		return "Web page"
	case CSV:
		name := "CSV file"
		if f.Comma == '\t' {
			name = "Tab-separated file"
		}
		if f.Header != "" {
			return name + " (column “" + f.Header + "”)"
		}
		return name
	}
	return "Text file"
}

// detectFormat tells the format from the start of the decoded text;
// whole says the sample is the entire file. The content decides; the
// name only settles whether an unlabelled table is CSV.
func detectFormat(sample []byte, whole bool, name string) Format {
	start := bytes.TrimLeft(sample, " \t\r\n\f")
	if hasPrefixFold(start, "<!DOCTYPE NETSCAPE-Bookmark-file") {
		return Format{Kind: Bookmarks, Browser: browserOf(sample)}
	}
	if strings.HasPrefix(http.DetectContentType(start), "text/html") {
		return Format{Kind: WebPage}
	}
	if f, ok := detectCSV(completeLines(sample, whole), strings.ToLower(filepath.Ext(name))); ok {
		return f
	}
	return Format{Kind: Text}
}

// browserOf recognises the bookmark exports of the common browsers by
// what only they write.
func browserOf(sample []byte) string {
	lower := bytes.ToLower(sample)
	switch {
	case bytes.Contains(lower, []byte("content-security-policy")), bytes.Contains(lower, []byte("<h1>bookmarks menu</h1>")):
		return "Firefox" // a security header since 2019, and its menu's name before
	case bytes.Contains(lower, []byte("<html>")), bytes.Contains(lower, []byte("<h3 folded")), bytes.Contains(lower, []byte("com.apple.readinglist")):
		return "Safari"
	case bytes.Contains(lower, []byte("personal_toolbar_folder")):
		return "Chrome or Edge"
	}
	return ""
}

// completeLines cuts a sample after its last line end, so a line cut off
// by the sample's size does not look like a short record.
func completeLines(sample []byte, whole bool) []byte {
	if whole {
		return sample
	}
	if i := bytes.LastIndexAny(sample, "\r\n"); i >= 0 {
		return sample[:i+1]
	}
	return sample
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}
