package address

import (
	"strings"
	"testing"
)

func TestNormalizeAccepts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"example.com", "https://example.com/"},
		{"  example.com  ", "https://example.com/"},
		{"http://example.com", "http://example.com/"},
		{"HTTPS://EXAMPLE.COM/Path", "https://example.com/Path"},
		{"hTtP://Example.Com", "http://example.com/"},
		{"//example.com/x", "https://example.com/x"},
		{"https:example.com", "https://example.com/"},
		{"https:/example.com", "https://example.com/"},
		{"https:\\\\example.com\\a\\b", "https://example.com/a/b"},
		{"example.com:8080/x", "https://example.com:8080/x"},
		{"localhost:3000", "https://localhost:3000/"},
		{"localhost", "https://localhost/"},
		{"http://example.com:80/", "http://example.com/"},
		{"https://example.com:443/", "https://example.com/"},
		{"http://example.com:443/", "http://example.com:443/"},
		{"https://example.com:80/", "https://example.com:80/"},
		{"https://example.com:0443/", "https://example.com/"},
		{"https://example.com:/", "https://example.com/"},
		{"https://example.com/a#frag", "https://example.com/a"},
		{"https://example.com#frag", "https://example.com/"},
		{"https://example.com?q=1", "https://example.com/?q=1"},
		{"https://example.com/s?q=1&b=2#x", "https://example.com/s?q=1&b=2"},
		{"https://example.com/?", "https://example.com/"},
		{"https://example.com/a?b?c", "https://example.com/a?b?c"},
		{"example.com.", "https://example.com./"},
		{"https://bücher.example/", "https://xn--bcher-kva.example/"},
		{"https://BÜCHER.example/", "https://xn--bcher-kva.example/"},
		{"https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"},
		{"例え。テスト", "https://xn--r8jz45g.xn--zckzah/"},
		{"https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9"},
		{"https://example.com/caf%c3%a9", "https://example.com/caf%c3%a9"},
		{"https://example.com/café", "https://example.com/caf%C3%A9"},
		{"https://example.com/日本語/ページ", "https://example.com/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%9A%E3%83%BC%E3%82%B8"},
		{"https://example.com/?q=日本", "https://example.com/?q=%E6%97%A5%E6%9C%AC"},
		{"https://example.com/100%", "https://example.com/100%25"},
		{"https://example.com/?d=50%", "https://example.com/?d=50%"},
		{"https://example.com/a%2Fb", "https://example.com/a%2Fb"},
		{"https://example.com/a\"b<c>", "https://example.com/a%22b%3Cc%3E"},
		{"https://example.com/a|b^c", "https://example.com/a%7Cb%5Ec"},
		{"https://example.com/(x)[y]", "https://example.com/(x)[y]"},
		{"https://example.com/a/./b/../c", "https://example.com/a/c"},
		{"https://example.com/../../etc/passwd", "https://example.com/etc/passwd"},
		{"https://example.com/a/..", "https://example.com/"},
		{"https://example.com/a/.", "https://example.com/a/"},
		{"https://example.com/a..b/.c", "https://example.com/a..b/.c"},
		{"https://user:pw@example.com/", "https://user:pw@example.com/"},
		{"https://a@b@example.com/", "https://a%40b@example.com/"},
		{"https://@example.com/", "https://example.com/"},
		{"!0@a.b", "https://%210@a.b/"}, // found by FuzzNormalize: net/url escapes "!" in userinfo
		// Spaces in a path or query are sent percent-encoded, as browsers do.
		{"https://example.com/a b", "https://example.com/a%20b"},
		{"example.com/my file.pdf", "https://example.com/my%20file.pdf"},
		{"https://example.com/search?q=hello world", "https://example.com/search?q=hello%20world"},
		{"https://example.com/a  b?c d#e f", "https://example.com/a%20%20b?c%20d"},
		{"https://example.com/a\u00a0b", "https://example.com/a%C2%A0b"},
		{"https://example.com/?q=a\u3000b", "https://example.com/?q=a%E3%80%80b"},
		{"https://example.com/a%20b", "https://example.com/a%20b"},
		// A site name without a dot is only accepted for localhost and IP addresses.
		{"LOCALHOST:8080/x", "https://localhost:8080/x"},
		{"localhost.", "https://localhost./"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/"},
		{"[2001:db8::1]", "https://[2001:db8::1]/"},
		{"https://user:pw@localhost/", "https://user:pw@localhost/"},
		{"http.example.com/x", "https://http.example.com/x"},
		{"https-docs.example", "https://https-docs.example/"},
		{"https://us%65r:p!ss:w@example.com/", "https://user:p%21ss%3Aw@example.com/"},
		{"https://100%@example.com/", "https://100%25@example.com/"},
		{"http://192.168.0.1:8080/", "http://192.168.0.1:8080/"},
		{"192.168.0.1", "https://192.168.0.1/"},
		{"https://[::1]/", "https://[::1]/"},
		{"https://[2001:DB8:0:0::1]:8443/x", "https://[2001:db8::1]:8443/x"},
		{"[::1]:8080", "https://[::1]:8080/"},
		{"https://example.com/" + strings.Repeat("a", MaxLength-len("https://example.com/")), "https://example.com/" + strings.Repeat("a", MaxLength-len("https://example.com/"))},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalizeRejects(t *testing.T) {
	const notWebPrefix = "Only web addresses (http or https) can be kept; this is a "
	tests := []struct{ in, want string }{
		{"", "This line is empty"},
		{"   ", "This line is empty"},
		{"mailto:a@b", notWebPrefix + "mailto: address"},
		{"MAILTO:a@b", notWebPrefix + "mailto: address"},
		{"javascript:alert(1)", notWebPrefix + "javascript: address"},
		{"ftp://x", notWebPrefix + "ftp: address"},
		{"file:///etc", notWebPrefix + "file: address"},
		{"tel:911", notWebPrefix + "tel: address"},
		{"data:text/html,hi", notWebPrefix + "data: address"},
		{"custom-app://open", notWebPrefix + "custom-app: address"},
		{strings.Repeat("x", 30) + "://y", "Only web addresses (http or https) can be kept"},
		{"http//example.com", "This address looks mistyped; it should start with http:// or https://"},
		{"HTTPS//example.com", "This address looks mistyped; it should start with http:// or https://"},
		{"https\\\\example.com", "This address looks mistyped; it should start with http:// or https://"},
		{"https://", "This address has no site name"},
		{"https:///", "This address has no site name"},
		{"https://:8080/", "This address has no site name"},
		{"https://user@/", "This address has no site name"},
		{"https://?q", "This address has no site name"},
		{"/about", "This address has no site name"},
		{"https://./", "This address has no site name"},
		{"https://exa mple.com/", "The site name in this address contains spaces, which site names cannot have"},
		{"example.com /page", "The site name in this address contains spaces, which site names cannot have"},
		{"email me@example.com", "The site name in this address contains spaces, which site names cannot have"},
		{"https://exa\u00a0mple.com/", "The site name in this address contains spaces, which site names cannot have"},
		{"https://example.com:80 80/", "The site name in this address contains spaces, which site names cannot have"},
		{"see example.com for details", "The site name in this address contains spaces, which site names cannot have"},
		{"https://example.com/a\tb", "This address contains a tab, which web addresses cannot have"},
		{"https://example.com/a\x00b", "This address contains control characters"},
		{"https://example.com/a\x7fb", "This address contains control characters"},
		{"https://example.com/a\vb", "This address contains control characters"},
		{"https://example.com/a\u0085b", "This address contains control characters"},
		{"abc", "abc is not a web address: a site name has a dot, like example.com"},
		{"https://intranet/wiki", "intranet is not a web address: a site name has a dot, like example.com"},
		{"abc.", "abc. is not a web address: a site name has a dot, like example.com"},
		{"bücher/x", "bücher is not a web address: a site name has a dot, like example.com"},
		{"abc:8080", "abc is not a web address: a site name has a dot, like example.com"},
		{"https://user:secret@abc/", "abc is not a web address: a site name has a dot, like example.com"},
		{"!0@A", "A is not a web address: a site name has a dot, like example.com"},
		{"https://1234/", "The site name in this address is not valid"},
		{"https://example.com/a\u009bb", "This address contains control characters"},
		{"https://example.com/\xff", "This address contains characters that are not readable text"},
		{"https://example.com/" + strings.Repeat("a", MaxLength), "This address is longer than 2,048 characters"},
		{"https://example.com/" + strings.Repeat("é", 1000), "This address is longer than 2,048 characters"},
		{"https://exa_mple.com/", "The site name in this address is not valid"},
		{"https://-example.com/", "The site name in this address is not valid"},
		{"https://a..b/", "The site name in this address is not valid"},
		{"https://.example.com/", "The site name in this address is not valid"},
		{"https://exa%6Dple.com/", "The site name in this address is not valid"},
		{"https://" + strings.Repeat("a", 64) + ".com/", "The site name in this address is not valid"},
		{"https://" + strings.Repeat("a.", 127) + "com/", "The site name in this address is not valid"},
		{"https://1.2.3.999/", "The site name in this address is not valid"},
		{"https://01.2.3.4/", "The site name in this address is not valid"},
		{"https://example.123/", "The site name in this address is not valid"},
		{"https://[::1/", "The site name in this address is not valid"},
		{"https://[::1]x/", "The site name in this address is not valid"},
		{"https://[1.2.3.4]/", "The site name in this address is not valid"},
		{"https://[fe80::1%25eth0]/", "The site name in this address is not valid"},
		{"https://xn--zz.com/", "The site name in this address is not valid"},
		{"https://example.com:abc/", "The port number in this address is not valid; it must be a number from 1 to 65535"},
		{"example.com:99999", "The port number in this address is not valid; it must be a number from 1 to 65535"},
		{"https://example.com:0/", "The port number in this address is not valid; it must be a number from 1 to 65535"},
		{"https://example.com:-1/", "The port number in this address is not valid; it must be a number from 1 to 65535"},
		{"https://example.com:1:2/", "The port number in this address is not valid; it must be a number from 1 to 65535"},
		{"https://example.com:123456/", "The port number in this address is not valid; it must be a number from 1 to 65535"},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if err == nil {
			t.Errorf("Normalize(%q) = %q, want error %q", tt.in, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Normalize(%q) error = %q, want %q", tt.in, err, tt.want)
		}
	}
}
