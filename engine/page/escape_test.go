package page

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

func TestScriptEscaper(t *testing.T) {
	in := `if (a<b) x = "</script><b>"; y = '<!-- c -->'; z = /<SCRIPT/i; w = "</Script"; v = "<"; u = "<scrip`
	want := `if (a<b) x = "\u003C/script><b>"; y = '\u003C!-- c -->'; z = /\u003CSCRIPT/i; w = "\u003C/Script"; v = "<"; u = "<scrip`
	got, _, err := transform.String(scriptEscaper{}, in)
	if err != nil || got != want {
		t.Fatalf("escaped %q, %v\nwant    %q", got, err, want)
	}
	// The same, read one byte at a time: a sequence split between reads
	// is still caught.
	b, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), scriptEscaper{}))
	if err != nil || string(b) != want {
		t.Fatalf("escaped byte by byte %q, %v", b, err)
	}
}

func TestAttrEscaper(t *testing.T) {
	got, _, _ := transform.String(transform.Chain(attrEscaper{}, attrEscaper{}), `a&"b`)
	if want := `a&amp;amp;&amp;#34;b`; got != want {
		t.Fatalf("twice escaped %q, want %q", got, want)
	}
}

// TestExpanderSplitMarkers writes a text with markers in every possible
// split and checks each marker is expanded exactly.
func TestExpanderSplitMarkers(t *testing.T) {
	a := &Assembler{nonce: "pk0123456789abcdef", markOf: map[markKey]int{}}
	res := &resource{key: "https://x/a.png", state: fetched, mime: "image/png",
		r: Resource{Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("PNG")), nil }}}
	m := a.mark(markKey{kind: markData, res: res})
	text := "<img src=\"" + m + "\"> pk0123 " + m + "#x pk0123456789abcdef_x_ end"
	want := strings.ReplaceAll(text, m, "data:image/png;base64,UE5H")
	for size := 1; size <= len(text); size++ {
		var out bytes.Buffer
		e := &expander{a: a, ctx: context.Background(), w: &out}
		for i := 0; i < len(text); i += size {
			if _, err := e.Write([]byte(text[i:min(i+size, len(text))])); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.flush(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Fatalf("written in pieces of %d:\n%q\nwant\n%q", size, out.String(), want)
		}
	}
}
