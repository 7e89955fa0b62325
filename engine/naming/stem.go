package naming

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// indexName stands for a directory's own page, as web servers do.
const indexName = "index"

// FileStem returns a readable base name, without extension, for the page
// at u: "/" gives "index", "/blog/" gives "blog_index", "/a/b/post.html"
// gives "a_b_post". A query adds the first 8 hex digits of the SHA-256 of
// the raw query ("/search?q=x" gives "search-" and 8 hex digits), so
// different results of one search page get different, stable names.
//
// A non-empty disposition (a Content-Disposition file name) is the name
// the server wants, so it is preferred, without the query hash: its last
// path element only, extension removed. The result passes Safe and is at
// most MaxStemBytes bytes.
func FileStem(u *url.URL, disposition string) string {
	if stem, _ := splitExt(baseName(disposition)); strings.Trim(stem, ". ") != "" {
		return Safe(stem, MaxStemBytes)
	}
	if u == nil {
		return indexName
	}
	readable := strings.Join(pathWords(u), "_")
	if u.RawQuery == "" {
		return Safe(readable, MaxStemBytes)
	}
	sum := sha256.Sum256([]byte(u.RawQuery))
	suffix := "-" + hex.EncodeToString(sum[:4])
	return Safe(readable, MaxStemBytes-len(suffix)) + suffix
}

// pathWords returns the decoded segments of u's path to join into a name,
// dropping the leading ones that do not fit: the end of a path (the page
// itself) says more than the folders above it.
func pathWords(u *url.URL) []string {
	p := u.EscapedPath()
	var words []string
	for seg := range strings.SplitSeq(p, "/") {
		if seg != "" && seg != "." && seg != ".." {
			// Normalise now so the lengths measured below are final.
			words = append(words, norm.NFC.String(strings.ToValidUTF8(unescapeSegment(seg), "_")))
		}
	}
	last := ""
	if len(words) > 0 && !strings.HasSuffix(p, "/") {
		last, words = words[len(words)-1], words[:len(words)-1]
		last, _ = splitExt(last)
	}
	if strings.Trim(last, ". ") == "" {
		last = indexName // a directory, or a name that was all extension
	}
	words = append(words, last)

	total := len(words) - 1 // the "_" between words
	for _, w := range words {
		total += len(w)
	}
	for len(words) > 1 && total > MaxStemBytes {
		total -= len(words[0]) + 1
		words = words[1:]
	}
	return words
}
