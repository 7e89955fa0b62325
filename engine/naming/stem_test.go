package naming

import (
	"net/url"
	"strings"
	"testing"
)

func mustParse(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("url.Parse(%q): %v", s, err)
	}
	return u
}

// The query hashes below are the first 8 hex digits of the SHA-256 of the
// raw query, written out so the test does not check the code against itself.
func TestFileStem(t *testing.T) {
	long := strings.Repeat("verylongfolder", 5)
	tests := []struct {
		url, disposition, want string
	}{
		{"https://example.com", "", "index"},
		{"https://example.com/", "", "index"},
		{"https://example.com/blog/", "", "blog_index"},
		{"https://example.com/a/b/post.html", "", "a_b_post"},
		{"https://example.com/a//b/./post", "", "a_b_post"},
		{"https://example.com/search?q=x", "", "search-" + "2f5b9919"},
		{"https://example.com/?q=x", "", "index-" + "2f5b9919"},
		{"https://example.com/search?", "", "search"},
		{"https://example.com/a%2Fb/c", "", "a_b_c"},
		{"https://example.com/caf%C3%A9.html", "", "café"},
		{"https://example.com/cafe%CC%81", "", "café"},
		{"https://example.com/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%9A%E3%83%BC%E3%82%B8", "", "日本語_ページ"},
		{"https://example.com/../../etc/passwd", "", "etc_passwd"},
		{"https://example.com/CON", "", "CON_"},
		{"https://example.com/con.txt", "", "con_"},
		{"https://example.com/a%00b", "", "a_b"},
		{"https://example.com/.htaccess", "", "index"},
		{"https://example.com/name.%20", "", "name"},
		{"https://example.com/releases/v1.2.3", "", "releases_v1.2.3"},
		{"https://example.com/wiki/Node.js", "", "wiki_Node"},
		{"https://example.com/index.php?id=7", "", "index-" + "f422c82d"},
		{"https://example.com/dl?id=1", "Annual Report.pdf", "Annual Report"},
		{"https://example.com/dl", "../../etc/passwd", "passwd"},
		{"https://example.com/dl", "C:\\Windows\\evil.exe", "evil"},
		{"https://example.com/dl", "con.txt", "con_"},
		{"https://example.com/dl.pdf", ".pdf", "dl"},
		{"https://example.com/dl.pdf", "..", "dl"},
		{"https://example.com/dl", "report", "report"},
		{"https://example.com/" + long + "/" + long + "/post.html", "", long + "_post"},
		{"https://example.com/" + strings.Repeat("x", 300), "", strings.Repeat("x", MaxStemBytes)},
		{"https://example.com/" + strings.Repeat("x", 300) + "?q", "", strings.Repeat("x", MaxStemBytes-9) + "-" + "8e35c2cd"},
	}
	for _, tt := range tests {
		got := FileStem(mustParse(t, tt.url), tt.disposition)
		if got != tt.want {
			t.Errorf("FileStem(%q, %q) = %q, want %q", tt.url, tt.disposition, got, tt.want)
		}
		if why := unsafeReason(got, MaxStemBytes); why != "" {
			t.Errorf("FileStem(%q, %q) = %q: %s", tt.url, tt.disposition, got, why)
		}
	}
	if got := FileStem(nil, ""); got != "index" {
		t.Errorf("FileStem(nil) = %q, want index", got)
	}
}

func TestExtension(t *testing.T) {
	tests := []struct {
		url, disposition, contentType, want string
	}{
		{"https://example.com/", "", "text/html; charset=utf-8", ".html"},
		{"https://example.com/", "", "TEXT/HTML", ".html"},
		{"https://example.com/a/b/post.html", "", "text/html", ".html"},
		{"https://example.com/page.HTM", "", "text/html", ".htm"},
		{"https://example.com/index.php", "", "text/html", ".html"},
		{"https://example.com/default.aspx", "", "text/html", ".html"},
		{"https://example.com/x.jsp", "", "text/html", ".html"},
		{"https://example.com/cgi-bin/x.cgi", "", "text/html", ".html"},
		{"https://example.com/x.pl", "", "text/html", ".html"},
		{"https://example.com/x.cfm", "", "text/html", ".html"},
		{"https://example.com/download.php", "", "application/pdf", ".pdf"},
		{"https://example.com/download.php", "", "", ".bin"},
		{"https://example.com/wiki/Node.js", "", "text/html", ".html"},
		{"https://example.com/wiki/Example.com", "", "text/html", ".html"},
		{"https://example.com/page.xhtml", "", "application/xhtml+xml", ".xhtml"},
		{"https://example.com/page", "", "application/xhtml+xml", ".xhtml"},
		{"https://example.com/doc.PDF", "", "application/octet-stream", ".pdf"},
		{"https://example.com/photo.jpeg", "", "image/jpeg", ".jpeg"},
		{"https://example.com/photo.jpg", "", "image/webp", ".jpg"},
		{"https://example.com/photo", "", "image/jpeg", ".jpg"},
		{"https://example.com/pic.exe", "", "image/png", ".png"},
		{"https://example.com/setup.exe", "", "application/octet-stream", ".exe"},
		{"https://example.com/app.js", "", "application/javascript", ".js"},
		{"https://example.com/releases/v1.2.3", "", "text/html", ".html"},
		{"https://example.com/releases/v1.2.3", "", "", ".bin"},
		{"https://example.com/a.verylongext", "", "text/plain", ".txt"},
		{"https://example.com/a.we-ird", "", "application/zip", ".zip"},
		{"https://example.com/dl", "Report.PDF", "application/octet-stream", ".pdf"},
		{"https://example.com/dl.pdf", "report", "", ".pdf"},
		{"https://example.com/dl", "page.php", "text/html", ".html"},
		{"https://example.com/x", "", "text/plain", ".txt"},
		{"https://example.com/x", "", "application/pdf", ".pdf"},
		{"https://example.com/x", "", "image/png", ".png"},
		{"https://example.com/x", "", "image/gif", ".gif"},
		{"https://example.com/x", "", "image/webp", ".webp"},
		{"https://example.com/x", "", "image/svg+xml", ".svg"},
		{"https://example.com/x", "", "text/css", ".css"},
		{"https://example.com/x", "", "text/javascript", ".js"},
		{"https://example.com/x", "", "application/json", ".json"},
		{"https://example.com/x", "", "application/xml", ".xml"},
		{"https://example.com/x", "", "text/xml", ".xml"},
		{"https://example.com/x", "", "application/zip", ".zip"},
		{"https://example.com/x", "", "application/rss+xml", ".rss"},
		{"https://example.com/x", "", "application/vnd.custom+xml", ".xml"},
		{"https://example.com/x", "", "application/problem+json", ".json"},
		{"https://example.com/x", "", "text/x-unknown", ".txt"},
		{"https://example.com/x", "", "application/x-unknown", ".bin"},
		{"https://example.com/x", "", "", ".bin"},
		{"https://example.com/x", "", "text/html;;; charset", ".html"},
		{"https://example.com/blog/", "", "", ".bin"},
	}
	for _, tt := range tests {
		got := Extension(mustParse(t, tt.url), tt.disposition, tt.contentType)
		if got != tt.want {
			t.Errorf("Extension(%q, %q, %q) = %q, want %q", tt.url, tt.disposition, tt.contentType, got, tt.want)
		}
	}
	if got := Extension(nil, "", "text/html"); got != ".html" {
		t.Errorf("Extension(nil, text/html) = %q", got)
	}
}

func TestSiteFolder(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://example.com/", "example.com"},
		{"https://EXAMPLE.com/", "example.com"},
		{"https://example.com:8080/", "example.com_8080"},
		{"https://xn--bcher-kva.example/", "bücher.example"},
		{"https://XN--BCHER-KVA.example/", "bücher.example"},
		{"https://xn--r8jz45g.xn--zckzah/", "例え.テスト"},
		{"https://example.com./", "example.com"},
		{"https://[::1]:8443/", "__1_8443"},
		{"http://192.168.0.1/", "192.168.0.1"},
		{"https://con/", "con_"},
		{"https://con:81/", "con__81"},
		{"file:///etc/passwd", "no-site-name"},
		{"https://xn--zz/", "xn--zz"},
		{"https://" + strings.Repeat("a", 150) + ":65535/", strings.Repeat("a", MaxFolderBytes-6) + "_65535"},
	}
	for _, tt := range tests {
		got := SiteFolder(mustParse(t, tt.url))
		if got != tt.want {
			t.Errorf("SiteFolder(%q) = %q, want %q", tt.url, got, tt.want)
		}
		if why := unsafeReason(got, MaxFolderBytes); why != "" {
			t.Errorf("SiteFolder(%q) = %q: %s", tt.url, got, why)
		}
	}
	if got := SiteFolder(nil); got != "no-site-name" {
		t.Errorf("SiteFolder(nil) = %q", got)
	}
	// Hand-made URLs can hold anything in Host; the folder must still be safe.
	for _, host := range []string{"a:b/../c", "..", "a\x00b:99", "ex\u202Eample.com:1"} {
		got := SiteFolder(&url.URL{Scheme: "https", Host: host})
		if why := unsafeReason(got, MaxFolderBytes); why != "" {
			t.Errorf("SiteFolder(host %q) = %q: %s", host, got, why)
		}
	}
}
