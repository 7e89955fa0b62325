package page

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeHTML(t *testing.T) {
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("<p>日本語のページ</p>")
	latin, _ := charmap.Windows1252.NewEncoder().String("<p>Café – 5 €</p>")
	cyr, _ := charmap.Windows1251.NewEncoder().String(`<meta charset="windows-1251"><p>Привет</p>`)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>ünïcode</p>")
	cases := []struct {
		name, body, ctype, want, enc string
	}{
		{"header", sjis, "text/html; charset=Shift_JIS", "<p>日本語のページ</p>", "shift_jis"},
		{"meta", cyr, "text/html", `<meta charset="windows-1251"><p>Привет</p>`, "windows-1251"},
		{"nothing declared, not UTF-8", latin, "text/html", "<p>Café – 5 €</p>", "windows-1252"},
		{"nothing declared, valid UTF-8", "<p>Café ✓</p>", "", "<p>Café ✓</p>", "utf-8"},
		{"UTF-8 BOM beats the header", "\xEF\xBB\xBF<p>é</p>", "text/html; charset=iso-8859-1", "<p>é</p>", "utf-8"},
		{"UTF-16 BOM", utf16, "text/html", "<p>ünïcode</p>", "utf-16le"},
		{"invalid UTF-8 becomes U+FFFD", "<p>a\xFFb</p>", "text/html; charset=utf-8", "<p>a\uFFFDb</p>", "utf-8"},
	}
	for _, c := range cases {
		got, enc := decodeHTML([]byte(c.body), c.ctype)
		if got != c.want || enc != c.enc {
			t.Errorf("%s: decodeHTML = %q (%s), want %q (%s)", c.name, got, enc, c.want, c.enc)
		}
	}
}

func TestDecodeCSS(t *testing.T) {
	latin, _ := charmap.Windows1252.NewEncoder().String(`a::after{content:"é"}`)
	declared, _ := charmap.ISO8859_15.NewEncoder().String(`@charset "iso-8859-15"; a::after{content:"€"}`)
	cases := []struct{ name, body, ctype, fallback, want string }{
		{"the document's encoding", latin, "text/css", "windows-1252", `a::after{content:"é"}`},
		{"@charset", declared, "text/css", "utf-8", `@charset "iso-8859-15"; a::after{content:"€"}`},
		{"header beats @charset", `@charset "iso-8859-15"; a{content:"é"}`, "text/css; charset=utf-8", "windows-1252", `@charset "iso-8859-15"; a{content:"é"}`},
		{"UTF-8 when nothing says", `a{content:"é"}`, "", "", `a{content:"é"}`},
		{"BOM", "\xEF\xBB\xBFa{}", "text/css; charset=windows-1252", "", "a{}"},
	}
	for _, c := range cases {
		if got := decodeCSS([]byte(c.body), c.ctype, c.fallback); got != c.want {
			t.Errorf("%s: decodeCSS = %q, want %q", c.name, got, c.want)
		}
	}
}
