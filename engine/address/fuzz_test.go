package address

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
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
		"https://ann:p@ss@xn--bcher-kva.example/a b?q=日 本", "ann:pw@example.com", "abc", "localhost",
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
		checkShown(t, in, got)
	})
}

// checkShown checks what Display and Redact promise for an accepted line
// in and its address u: the address shown is printable and, typed back,
// is the same address with the password masked; Redact masks exactly
// the password that Normalize sends.
func checkShown(t *testing.T, in, u string) {
	parsed, _ := url.Parse(u)
	_, hasPassword := parsed.User.Password()
	masked, err := Normalize(Redact(in))
	if err != nil {
		t.Fatalf("Normalize(Redact(%q)) = %v, but %q was accepted", in, err, in)
	}
	mu, _ := url.Parse(masked)
	if pw, ok := mu.User.Password(); ok != hasPassword || ok && pw != maskedPassword {
		t.Fatalf("Redact(%q) = %q: Normalize gives %q for %q", in, Redact(in), masked, u)
	}
	if r, _ := Normalize(Redact(u)); r != masked {
		t.Fatalf("Redact(%q) and Redact(%q) differ: %q, %q", in, u, masked, r)
	}
	d := Display(u)
	if !utf8.ValidString(d) || strings.ContainsFunc(d, func(r rune) bool { return !unicode.IsPrint(r) }) {
		t.Fatalf("Display(%q) = %q is not printable", u, d)
	}
	back, err := Normalize(d)
	if err != nil || !sameAddress(back, masked) {
		t.Fatalf("Normalize(Display(%q)) = %q, %v; want %q", u, back, err, masked)
	}
}

// FuzzDisplay checks that any text, address or not, is shown printable.
func FuzzDisplay(f *testing.F) {
	for _, s := range []string{"https://xn--bcher-kva.example/caf%C3%A9", "https://a:b@c.d/%E2%80%AE", "%", "a%C3", "\xff@:", "https://[::1]:x/%F0%9F%94%92"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d := Display(in)
		if !utf8.ValidString(d) || strings.ContainsFunc(d, func(r rune) bool { return !unicode.IsPrint(r) }) {
			t.Fatalf("Display(%q) = %q is not printable", in, d)
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
