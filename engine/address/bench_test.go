package address

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse100k parses a realistic 100,000-line paste: mostly
// distinct addresses, with some duplicates, comments and bad lines.
func BenchmarkParse100k(b *testing.B) {
	var sb strings.Builder
	for i := range 100_000 {
		switch i % 10 {
		case 0:
			fmt.Fprintf(&sb, "# section %d\n", i)
		case 1:
			fmt.Fprintf(&sb, "https://bücher%d.example/seite?q=%d\n", i%500, i)
		case 2:
			sb.WriteString("mailto:someone@example.com\n")
		case 3:
			sb.WriteString("https://example.com/\n") // duplicate after the first
		default:
			fmt.Fprintf(&sb, "www.site%d.example.com/blog/post-%d.html#top\n", i%1000, i)
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(text)
	}
}

// BenchmarkDisplay shows 10,000 addresses as the table would: most plain
// ASCII, some international, some with escapes or a login.
func BenchmarkDisplay(b *testing.B) {
	urls := make([]string, 10_000)
	for i := range urls {
		switch i % 10 {
		case 0:
			urls[i] = fmt.Sprintf("https://xn--bcher-kva.example/seite-%d?q=caf%%C3%%A9", i)
		case 1:
			urls[i] = fmt.Sprintf("https://example.com/%%E6%%97%%A5%%E6%%9C%%AC/%d", i)
		case 2:
			urls[i] = fmt.Sprintf("https://ann:secret@example.org/private/%d", i)
		default:
			urls[i] = fmt.Sprintf("https://www.site%d.example.com/blog/post-%d.html", i%1000, i)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, u := range urls {
			Display(u)
		}
	}
}
