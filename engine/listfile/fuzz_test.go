package listfile

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"pagekeeper/engine/address"
)

// FuzzOpen checks the reader's promises on any bytes under any name: no
// panic; a refusal is an *Error with a sentence; entries come in file
// order with line numbers from 1 and readable text; a plain UTF-8 text
// file gives exactly the non-blank lines address.Lines finds; and
// Preview accounts for no more entries than were read.
func FuzzOpen(f *testing.F) {
	seeds := []struct{ data, name string }{
		{"example.com\r\n# note\n\n  https://a.example/x \rb.example", "list.txt"},
		{"\uFEFFhttps://bücher.example/\n", "bom.txt"},
		{"\xFF\xFEh\x00t\x00t\x00p\x00:\x00/\x00/\x00a\x00.\x00b\x00\n\x00", "utf16.txt"},
		{"\xFE\xFF\x00a\x00.\x00b", "utf16be.txt"},
		{"title,url\n\"a, b\",https://a.example/\nc,\"https://b.example/\nx\"\n", "list.csv"},
		{"a;b\n\"x\";y\n", "semi"},
		{"a\tb\nc\td\n", "tabs"},
		{firefoxExport, "bookmarks.html"},
		{safariExport, "Safari.html"},
		{"<html><a href='https://a.example/'>x</a><a href=//b.c>", "page.htm"},
		{"\xFF\xD8\xFF\xE0\x00\x10JFIF", "photo.jpg"},
		{"PK\x03\x04", "a.zip"},
		{"caf\xe9.example\n", "latin1.txt"},
		{"", "empty.txt"},
		{"\r\r\n\n\r", "blank"},
	}
	for _, s := range seeds {
		f.Add([]byte(s.data), s.name)
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		l, err := Open(bytes.NewReader(data), name)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !strings.HasSuffix(e.Error(), ".") {
				t.Fatalf("Open error %#v", err)
			}
			return
		}
		format := l.Format()
		var got []Entry
		for e := range l.All(context.Background()) {
			if e.Line < 1 || len(got) > 0 && e.Line < got[len(got)-1].Line {
				t.Fatalf("entry %+v after %+v", e, got[len(got)-1:])
			}
			if !utf8.ValidString(e.Text) || !utf8.ValidString(e.Title) || !utf8.ValidString(e.Folder) {
				t.Fatalf("entry %+v is not UTF-8", e)
			}
			got = append(got, e)
		}
		if err := l.Err(); err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Err %#v", err)
			}
		}
		if format.Kind == Text && format.Encoding == UTF8 {
			text := strings.TrimPrefix(string(data), "\uFEFF")
			var want []Entry
			for n, line := range address.Lines(text) {
				if strings.TrimSpace(line) != "" {
					want = append(want, Entry{Line: n, Text: line[:min(len(line), maxLine)]})
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%d entries, address.Lines finds %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("entry %d = %+v, want %+v", i, got[i], want[i])
				}
			}
		}
		s, err := Preview(context.Background(), bytes.NewReader(data), name)
		if err == nil && s.Addresses+s.Duplicates+s.NotUnderstood > len(got) {
			t.Fatalf("Preview counted %+v of %d entries", s, len(got))
		}
	})
}
