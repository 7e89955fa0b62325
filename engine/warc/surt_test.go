package warc

import "testing"

func TestSURT(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://www.Example.com/A/b?z=1&a=2", "com,example)/a/b?a=2&z=1"},
		{"http://example.com", "com,example)/"},
		{"http://example.com/", "com,example)/"},
		{"http://www2.example.co.uk:80/x", "uk,co,example)/x"},
		{"https://example.com:443/x", "com,example)/x"},
		{"https://example.com:8443/x", "com,example:8443)/x"},
		{"http://127.0.0.1:8080/page.html", "1,0,0,127:8080)/page.html"},
		{"http://sub.www.example.com/", "com,example,www,sub)/"},
		{"http://example.com/path#fragment", "com,example)/path"},
		{"http://example.com/?b&a=1", "com,example)/?a=1&b"},
		{"http://[::1]:8080/x", "[::1]:8080)/x"},
		{"http://example.com/a%20b", "com,example)/a%20b"},
		{"mailto:someone@example.com", "mailto:someone@example.com"},
		{"not a url at all", "not a url at all"},
	}
	for _, c := range cases {
		if got := SURT(c.in); got != c.want {
			t.Errorf("SURT(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSURT(f *testing.F) {
	f.Add("https://www.example.com/a?b=1&a=2")
	f.Fuzz(func(t *testing.T, s string) {
		_ = SURT(s) // must not panic
	})
}
