package address

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks the promises other packages rely on: an accepted
// address parses with net/url into an http(s) address with a host, prints
// back unchanged, is printable ASCII within MaxLength, and normalizing it
// again changes nothing. A rejection always carries a sentence.
func FuzzNormalize(f *testing.F) {
	seeds := []string{
		"example.com", "https://bücher.example/", "localhost:3000", "mailto:a@b",
		"javascript:alert(1)", "https://[::1]:8080/a?b#c", "//x.y/../..", "https://a@b@c/",
		"https://example.com/caf%C3%A9?q=日本#f", "https:\\\\a\\b", "tel:911", "1.2.3.4:80",
		"https://example.com/100%", "example.com:", "https://xn--bcher-kva.example/",
		"https://example.com/a|b^c[d]{e}", "example.com.", "HTTP://A.COM:0080",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := Normalize(in)
		if err != nil {
			if _, ok := err.(reason); !ok || err.Error() == "" {
				t.Fatalf("Normalize(%q) error %#v is not a reason sentence", in, err)
			}
			return
		}
		if len(got) > MaxLength {
			t.Fatalf("Normalize(%q) = %d bytes, over MaxLength", in, len(got))
		}
		for i := 0; i < len(got); i++ {
			if got[i] <= ' ' || got[i] >= utf8.RuneSelf {
				t.Fatalf("Normalize(%q) = %q has byte %#x", in, got, got[i])
			}
		}
		if strings.Contains(got, "#") {
			t.Fatalf("Normalize(%q) = %q kept a fragment", in, got)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("Normalize(%q) = %q does not parse: %v", in, got, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Hostname() == "" {
			t.Fatalf("Normalize(%q) = %q: scheme %q host %q", in, got, u.Scheme, u.Host)
		}
		if s := u.String(); s != got {
			t.Fatalf("Normalize(%q) = %q but net/url prints %q", in, got, s)
		}
		again, err := Normalize(got)
		if err != nil || again != got {
			t.Fatalf("Normalize(%q) = %q, again = %q, %v", in, got, again, err)
		}
	})
}

// FuzzParse checks that every non-blank, non-comment line is accounted
// for exactly once, with line numbers in order.
func FuzzParse(f *testing.F) {
	f.Add("example.com\r\n# note\n\nmailto:x\rexample.com")
	f.Add("\uFEFFa.com\n\r\n\r")
	f.Fuzz(func(t *testing.T, text string) {
		p := Parse(text)
		want := 0
		for _, line := range Lines(strings.TrimPrefix(text, "\uFEFF")) {
			if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
				want++
			}
		}
		if got := len(p.Accepted) + len(p.Rejected); got != want {
			t.Fatalf("Parse accounted for %d lines, want %d", got, want)
		}
		for i := 1; i < len(p.Accepted); i++ {
			if p.Accepted[i].Line <= p.Accepted[i-1].Line {
				t.Fatalf("accepted lines out of order: %+v", p.Accepted)
			}
		}
		for _, r := range p.Rejected {
			if r.Reason == "" || !utf8.ValidString(r.Text) {
				t.Fatalf("bad rejection %+v", r)
			}
		}
	})
}
