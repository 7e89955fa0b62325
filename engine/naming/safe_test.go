package naming

import (
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"hello", 120, "hello"},
		{"", 120, "page"},
		{"   ", 120, "page"},
		{".", 120, "_"},
		{"..", 120, "_"},
		{"...", 120, "_"},
		{"../../etc/passwd", 120, "_.._.._etc_passwd"},
		{"a<b>c:d\"e/f\\g|h?i*j", 120, "a_b_c_d_e_f_g_h_i_j"},
		{"a\x00b", 120, "a_b"},
		{"a\tb\nc\x7fd\u0085e", 120, "a_b_c_d_e"},
		{"evil\u202Etxt.exe", 120, "evil_txt.exe"},
		{"name. ", 120, "name"},
		{"name . . ", 120, "name"},
		{"  lead", 120, "lead"},
		{".hidden", 120, "_.hidden"},
		{" .hidden", 120, "_.hidden"},
		{"CON", 120, "CON_"},
		{"con", 120, "con_"},
		{"con.txt", 120, "con_.txt"},
		{"Con.tar.gz", 120, "Con_.tar.gz"},
		{"con .txt", 120, "con_ .txt"},
		{"con.", 120, "con_"},
		{"NUL", 120, "NUL_"},
		{"aux", 120, "aux_"},
		{"prn.html", 120, "prn_.html"},
		{"COM1", 120, "COM1_"},
		{"lpt9.log", 120, "lpt9_.log"},
		{"COM¹", 120, "COM¹_"},
		{"lpt³.txt", 120, "lpt³_.txt"},
		{"COM0", 120, "COM0_"},
		{"CONOUT$", 120, "CONOUT$_"},
		{"CONOUT$.txt", 8, "CONOUT$_"},
		{"COM10", 120, "COM10"},
		{"console", 120, "console"},
		{"icon", 120, "icon"},
		{"a%2Fb", 120, "a%2Fb"},
		{"日本語/ページ", 120, "日本語_ページ"},
		{"cafe\u0301", 120, "café"},      // NFD in, NFC out
		{"\u1100\u1161\u11a8", 120, "각"}, // Hangul jamo compose
		{"emoji 😀🎉", 120, "emoji 😀🎉"},
		{"a\xffb", 120, "a_b"},
		{strings.Repeat("a", 200), 120, strings.Repeat("a", 120)},
		{strings.Repeat("é", 100), 11, strings.Repeat("é", 5)},
		{strings.Repeat("日", 100), 10, strings.Repeat("日", 3)},
		{strings.Repeat("😀", 10), 9, strings.Repeat("😀", 2)},
		{"ab" + strings.Repeat("e\u0301\u0302", 10), 8, "ab" + "é\u0302"}, // never splits a letter from its accents
		{"a" + strings.Repeat("\u0301", 20), 8, "á\u0301\u0301\u0301"},    // one huge cluster: cut on a rune
		{"abcdefg.  x", 9, "abcdefg"},                                     // the cut exposes a trailing dot
		{"x", 0, "x"},                                                     // tiny limits count as MinBytes
		{strings.Repeat("a", 20), 3, strings.Repeat("a", MinBytes)},
		{"a\u2028b\uFEFFc", 120, "a_b_c"},
		{"Ω", 120, "Ω"}, // the ohm sign is NFC-equivalent to omega
	}
	for _, tt := range tests {
		got := Safe(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("Safe(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
		if why := unsafeReason(got, max(tt.max, MinBytes)); why != "" {
			t.Errorf("Safe(%q, %d) = %q: %s", tt.in, tt.max, got, why)
		}
	}
}

func TestWithCounter(t *testing.T) {
	tests := []struct {
		stem, ext string
		n         int
		want      string
	}{
		{"post", ".html", 0, "post.html"},
		{"post", ".html", 1, "post.html"},
		{"post", ".html", 2, "post (2).html"},
		{"post", ".html", 999, "post (999).html"},
		{"post", "", 3, "post (3)"},
	}
	for _, tt := range tests {
		if got := WithCounter(tt.stem, tt.ext, tt.n); got != tt.want {
			t.Errorf("WithCounter(%q, %q, %d) = %q, want %q", tt.stem, tt.ext, tt.n, got, tt.want)
		}
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct {
		a, b    string
		collide bool
	}{
		{"Post.HTML", "post.html", true},
		{"café.html", "cafe\u0301.html", true},
		{"CAFÉ.html", "cafe\u0301.html", true},
		{"straße", "STRASSE", true},
		{"ΣΊΣΥΦΟΣ", "σίσυφος", true},
		{"a.html", "b.html", false},
		{"post (2).html", "post.html", false},
	}
	for _, tt := range tests {
		if got := FoldKey(tt.a) == FoldKey(tt.b); got != tt.collide {
			t.Errorf("FoldKey(%q) == FoldKey(%q) is %v, want %v", tt.a, tt.b, got, tt.collide)
		}
	}
}
