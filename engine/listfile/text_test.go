package listfile

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"pagekeeper/engine/address"
)

func TestTextLines(t *testing.T) {
	content := "# my list\r\nexample.com\r\n\r\n  https://a.example/x  \rb.example\n\n# end\nlast.example"
	f, es := readAll(t, content, "list.txt")
	if f.Kind != Text || f.Encoding != UTF8 || f.String() != "Text file" {
		t.Errorf("format %+v (%s)", f, f)
	}
	want := []string{"1 # my list", "2 example.com", "4   https://a.example/x  ", "5 b.example", "7 # end", "8 last.example"}
	if got := texts(es); !slices.Equal(got, want) {
		t.Errorf("entries\n%q\nwant\n%q", got, want)
	}
}

// TestTextNumbersLikeAddressLines checks that a file's entries carry the
// line numbers address.Lines gives the same text, so messages about a
// file and about the box agree.
func TestTextNumbersLikeAddressLines(t *testing.T) {
	content := "a.com\r\n\rb.com\n\r\n\nc.com\r\rd.com\r\n\re.com\r"
	var want []string
	for n, line := range address.Lines(content) {
		if strings.TrimSpace(line) != "" {
			want = append(want, itoa(n)+" "+line)
		}
	}
	// Reads of one byte, and of half what is asked, put every "\r" at
	// the end of what the reader has seen so far.
	for name, r := range map[string]io.Reader{
		"whole":    strings.NewReader(content),
		"one byte": iotest.OneByteReader(strings.NewReader(content)),
		"halves":   iotest.HalfReader(strings.NewReader(content)),
	} {
		l, err := Open(r, "x")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for n, text := range l.Entries(context.Background()) {
			got = append(got, itoa(n)+" "+text)
		}
		if l.Err() != nil || !slices.Equal(got, want) {
			t.Errorf("%s: entries %q, %v; want %q", name, got, l.Err(), want)
		}
	}
}

func TestTextLongLineIsCut(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 1<<20)
	_, es := readAll(t, "a.com\n"+long+"\r\nb.com", "x")
	if len(es) != 3 || es[1].Line != 2 || len(es[1].Text) != maxLine || es[2].Text != "b.com" || es[2].Line != 3 {
		t.Fatalf("got %d entries: %v", len(es), texts(es)[:min(len(es), 1)])
	}
	var p address.Parsed
	address.NewParser(0).Entry(es[1].Line, es[1].Text, &p)
	if len(p.Rejected) != 1 || !strings.Contains(p.Rejected[0].Reason, "longer than") {
		t.Errorf("a cut line is judged %+v", p)
	}
}

func TestEncodings(t *testing.T) {
	list := "https://bücher.example/\n例え.テスト\nhttps://example.com/café\n"
	want := []string{"1 https://bücher.example/", "2 例え.テスト", "3 https://example.com/café"}
	latin1, _ := charmap.Windows1252.NewEncoder().String("https://example.com/café\n“quoted”.example\n")
	tests := []struct {
		name, content, encoding string
		want                    []string
	}{
		{"utf8", list, UTF8, want},
		{"utf8 bom", "\uFEFF" + list, UTF8, want},
		{"utf16le", utf16(t, list, unicode.LittleEndian), UTF16LE, want},
		{"utf16be", utf16(t, list, unicode.BigEndian), UTF16BE, want},
		{"utf16le crlf", utf16(t, strings.ReplaceAll(list, "\n", "\r\n"), unicode.LittleEndian), UTF16LE, want},
		{"windows-1252", latin1, Windows1252, []string{"1 https://example.com/café", "2 “quoted”.example"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, es := readAll(t, tt.content, "list.txt")
			if f.Encoding != tt.encoding || f.Kind != Text {
				t.Errorf("format %+v, want %s text", f, tt.encoding)
			}
			if got := texts(es); !slices.Equal(got, tt.want) {
				t.Errorf("entries %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUTF16Bookmarks(t *testing.T) {
	content := utf16(t, "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"https://bücher.example/\">Bücher</A>\n</DL>", unicode.LittleEndian)
	f, es := readAll(t, content, "bookmarks.html")
	if f.Kind != Bookmarks || f.Encoding != UTF16LE || len(es) != 1 || es[0].Text != "https://bücher.example/" || es[0].Title != "Bücher" || es[0].Line != 3 {
		t.Errorf("format %+v, entries %+v", f, es)
	}
}

// TestTextLineEndsAtBufferEdges puts line ends of every kind around the
// sizes where the reader cuts lines and refills its buffer, and checks
// the entries against address.Lines.
func TestTextLineEndsAtBufferEdges(t *testing.T) {
	var b strings.Builder
	for _, n := range []int{1, maxLine - 1, maxLine, maxLine + 1, sampleSize - 2, sampleSize - 1, sampleSize, sampleSize + 1, 3 * sampleSize} {
		for _, end := range []string{"\n", "\r\n", "\r", "\r\r\n\n"} {
			b.WriteString(strings.Repeat("x", n))
			b.WriteString(end)
		}
	}
	b.WriteString("last")
	content := b.String()
	l, err := Open(iotest.HalfReader(strings.NewReader(content)), "x")
	if err != nil {
		t.Fatal(err)
	}
	var es []Entry
	for e := range l.All(context.Background()) {
		es = append(es, e)
	}
	var want []string
	for n, line := range address.Lines(content) {
		if strings.TrimSpace(line) != "" {
			want = append(want, itoa(n)+" "+line[:min(len(line), maxLine)])
		}
	}
	got := texts(es)
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("entry %d: %.20q… (%d bytes), want %.20q… (%d bytes)", i, got[i], len(got[i]), want[i], len(want[i]))
		}
	}
}
