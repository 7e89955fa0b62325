package naming

import (
	"net/url"
	"strings"
	"testing"
)

var hostileSeeds = []string{
	"", ".", "..", "../../etc/passwd", "CON", "con.txt", "a\x00b", "name. ",
	"日本語/ページ", "cafe\u0301", "😀🎉", "a%2Fb", "COM¹.x", " .x", "\xff\xfe",
	"evil\u202Etxt.exe", strings.Repeat("é", 200), "a" + strings.Repeat("\u0301", 300),
}

// FuzzSafe checks every promise of Safe for any text and limit.
func FuzzSafe(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s, 120)
		f.Add(s, 9)
	}
	f.Fuzz(func(t *testing.T, s string, maxBytes int) {
		got := Safe(s, maxBytes)
		if why := unsafeReason(got, max(maxBytes, MinBytes)); why != "" {
			t.Fatalf("Safe(%q, %d) = %q: %s", s, maxBytes, got, why)
		}
		if again := Safe(got, maxBytes); again != got {
			t.Fatalf("Safe is not stable: %q, then %q", got, again)
		}
	})
}

// FuzzFileName checks that whatever the address and headers, the file
// name FileStem and Extension make is safe, and stays under every file
// system's 255-byte limit even with the largest collision counter.
func FuzzFileName(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add("/"+s, "", s, "text/html")
		f.Add("/a/"+s+"/", "q="+s, "", "")
	}
	f.Add("/a/b/post.html", "", "", "application/pdf; x=\"")
	f.Fuzz(func(t *testing.T, path, query, disposition, contentType string) {
		urls := []*url.URL{{Scheme: "https", Host: "example.com", Path: path, RawQuery: query}}
		if u, err := url.Parse("https://example.com/" + path); err == nil {
			urls = append(urls, u)
		}
		for _, u := range urls {
			stem := FileStem(u, disposition)
			if why := unsafeReason(stem, MaxStemBytes); why != "" {
				t.Fatalf("FileStem(%q, %q) = %q: %s", u, disposition, stem, why)
			}
			ext := Extension(u, disposition, contentType)
			if len(ext) < 2 || len(ext) > 9 || ext[0] != '.' || ext != strings.ToLower(ext) || !plausibleExt(ext[1:]) {
				t.Fatalf("Extension(%q, %q, %q) = %q", u, disposition, contentType, ext)
			}
			name := WithCounter(stem, ext, 999)
			if why := unsafeReason(name, 254); why != "" {
				t.Fatalf("file name %q: %s", name, why)
			}
			if why := unsafeReason(stem+ext, 254); why != "" {
				t.Fatalf("file name %q: %s", stem+ext, why)
			}
		}
	})
}

// FuzzSiteFolder checks folder names for any host, including hosts no
// real address has, since url.URL values can be built by hand.
func FuzzSiteFolder(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
		f.Add(s + ":8080")
	}
	f.Add("xn--bcher-kva.example")
	f.Add("[::1]:443")
	f.Fuzz(func(t *testing.T, host string) {
		got := SiteFolder(&url.URL{Scheme: "https", Host: host})
		if why := unsafeReason(got, MaxFolderBytes); why != "" {
			t.Fatalf("SiteFolder(host %q) = %q: %s", host, got, why)
		}
	})
}
