package address

import (
	"strings"
	"testing"
)

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/", "https://example.com/"},
		{"https://xn--bcher-kva.example/", "https://bücher.example/"},
		{"https://xn--r8jz45g.xn--zckzah/", "https://例え.テスト/"},
		{"https://xn--bcher-kva.example:8443/a", "https://bücher.example:8443/a"},
		{"https://example.com/caf%C3%A9", "https://example.com/café"},
		{"https://example.com/caf%c3%a9", "https://example.com/café"},
		{"https://example.com/?q=%E6%97%A5%E6%9C%AC", "https://example.com/?q=日本"},
		{"https://example.com/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%9A%E3%83%BC%E3%82%B8", "https://example.com/日本語/ページ"},
		// Kept escaped: spaces, delimiters, "%", dots, broken UTF-8.
		{"https://example.com/a%20b?q=c%20d", "https://example.com/a%20b?q=c%20d"},
		{"https://example.com/a%2Fb%3Fc%23d%25e%26f%3Dg", "https://example.com/a%2Fb%3Fc%23d%25e%26f%3Dg"},
		{"https://example.com/%2E%2E/x", "https://example.com/%2E%2E/x"},
		{"https://example.com/%FF%C3", "https://example.com/%FF%C3"},
		{"https://example.com/%C3%A9%FF%C3%A9", "https://example.com/é%FFé"},
		{"https://example.com/%E9", "https://example.com/%E9"}, // Latin-1, not UTF-8
		// Escaped ASCII stays as written: decoding it could change the address.
		{"https://example.com/%7Euser/%41-%5F", "https://example.com/%7Euser/%41-%5F"},
		// Invisible and look-alike characters stay escaped.
		{"https://example.com/a%C2%A0b", "https://example.com/a%C2%A0b"},         // no-break space
		{"https://example.com/a%E2%80%AEb", "https://example.com/a%E2%80%AEb"},   // right-to-left override
		{"https://example.com/a%E2%80%8Bb", "https://example.com/a%E2%80%8Bb"},   // zero-width space
		{"https://example.com/a%E2%88%95b", "https://example.com/a%E2%88%95b"},   // division slash
		{"https://example.com/%E3%85%A4", "https://example.com/%E3%85%A4"},       // Hangul filler
		{"https://example.com/%F0%9F%94%92", "https://example.com/%F0%9F%94%92"}, // padlock
		{"https://example.com/%EF%BF%BD", "https://example.com/%EF%BF%BD"},       // replacement character
		{"https://example.com/%C3%A9%E2%80%AE%C3%A9", "https://example.com/é%E2%80%AEé"},
		// Logins: the user name shows, the password never does.
		{"https://ann:secret@example.com/", "https://ann:***@example.com/"},
		{"https://ann:@example.com/", "https://ann:***@example.com/"},
		{"https://ann@example.com/", "https://ann@example.com/"},
		{"https://j%C3%B6rg:p%40ss@xn--bcher-kva.example/caf%C3%A9", "https://jörg:***@bücher.example/café"},
		// Look-alike site names stay in punycode, as browsers show them.
		{"https://xn--80ak6aa92e.com/", "https://xn--80ak6aa92e.com/"}, // Cyrillic "аррӏе"
		{"https://xn--pple-43d.com/", "https://xn--pple-43d.com/"},     // Latin with a Cyrillic "а"
		{"https://xn--80ak6aa92e.xn--p1ai/", "https://аррӏе.рф/"},      // under a Cyrillic domain
		{"https://xn--d1acufc.xn--p1ai/", "https://домен.рф/"},
		{"https://xn--e1afmkfd.com/", "https://пример.com/"}, // Cyrillic, not Latin-looking
		{"https://xn--hxargifdar.gr/", "https://ελληνικά.gr/"},
		{"https://xn--zz.com/", "https://xn--zz.com/"}, // not valid punycode
		{"http://[2001:db8::1]:8080/%C3%A9", "http://[2001:db8::1]:8080/é"},
		{"http://127.0.0.1/", "http://127.0.0.1/"},
		// Text that is not a normalized address is still made safe.
		{"https://a.com/\x00\u202e", "https://a.com/\uFFFD\uFFFD"},
		{"not an address", "not an address"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Display(tt.in); got != tt.want {
			t.Errorf("Display(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayOfNormalizedTypesBack(t *testing.T) {
	for _, in := range []string{
		"https://bücher.example/café?q=日本 語",
		"例え。テスト/ページ",
		"https://ann:p@ss@xn--bcher-kva.example/",
		"https://example.com/a%2Fb/%2e%2e/%41%7e",
		"https://example.com/é%FF",
	} {
		u, err := Normalize(in)
		if err != nil {
			t.Fatalf("Normalize(%q): %v", in, err)
		}
		d := Display(u)
		back, err := Normalize(d)
		want, _ := Normalize(Redact(u))
		if err != nil || !sameAddress(back, want) {
			t.Errorf("Normalize(Display(%q)) = %q, %v; want %q", u, back, err, want)
		}
	}
}

// sameAddress compares two addresses ignoring the case of hex digits in
// escapes, which Normalize keeps as written.
func sameAddress(a, b string) bool {
	return upperEscapes(a) == upperEscapes(b)
}

func upperEscapes(s string) string {
	bs := []byte(s)
	for i := range bs {
		if isEscape(s, i) {
			bs[i+1] = strings.ToUpper(string(bs[i+1]))[0]
			bs[i+2] = strings.ToUpper(string(bs[i+2]))[0]
		}
	}
	return string(bs)
}

func TestSafeToShow(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"bücher.example", true},
		{"例え.テスト", true},
		{"日本語abc.jp", true}, // Han with Latin
		{"ひらがなカタカナ漢字.jp", true},
		{"한국어abc.kr", true},
		{"中文ㄅ.tw", true},
		{"한국어ひらがな.jp", false}, // Hangul with Hiragana
		{"аpple.com", false},  // Cyrillic а among Latin
		{"аррӏе.com", false},  // all Latin-looking Cyrillic
		{"аррӏе.рф", true},
		{"пример.com", true},
		{"παράδειγμα.gr", true},
		{"pαypal.com", false}, // Greek alpha among Latin
		{"مثال.إختبار", true},
		{"αب.com", false}, // two other scripts
		{"café-1.example", true},
	}
	for _, tt := range tests {
		if got := safeToShow(tt.host); got != tt.want {
			t.Errorf("safeToShow(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}
