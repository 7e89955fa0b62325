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
