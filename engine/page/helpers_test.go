package page

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"pagekeeper/engine/failure"
)

// file is one resource of an in-memory site.
type file struct{ ctype, body string }

// memSite serves files by absolute address; anything else is a 404.
type memSite map[string]file

func (s memSite) resource(w Want) Resource {
	f, ok := s[w.URL]
	if !ok {
		return Resource{URL: w.URL, Failure: failure.Failure{Kind: failure.HTTPStatus, Status: 404}}
	}
	return Resource{URL: w.URL, FinalURL: w.URL, ContentType: f.ctype, Size: int64(len(f.body)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(f.body)), nil }}
}

// assembleMem saves page (at pageURL) against the in-memory site and
// returns the assembler, the saved text and every want in order.
func assembleMem(t *testing.T, opts Options, pageURL, page string, site memSite) (*Assembler, string, []Want) {
	t.Helper()
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAssembler(opts, u, "text/html; charset=utf-8", strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var all []Want
	for round := 0; ; round++ {
		ws := a.Wants()
		if len(ws) == 0 {
			break
		}
		if round > 50 {
			t.Fatal("still wanting after 50 rounds")
		}
		all = append(all, ws...)
		for _, w := range ws {
			if err := a.Provide(site.resource(w)); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if _, err := a.WriteTo(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if regexp.MustCompile(`pk[0-9a-f]{16}_`).MatchString(out) {
		t.Errorf("a marker was left in the saved page")
	}
	return a, out, all
}

// parseOut parses a saved page as a browser would.
func parseOut(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// missingKinds maps each missing address to its failure kind.
func missingKinds(a *Assembler) map[string]failure.Kind {
	m := map[string]failure.Kind{}
	for _, x := range a.Missing() {
		m[x.URL] = x.Failure.Kind
	}
	return m
}

func wantedURLs(ws []Want) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.URL)
	}
	return out
}

func png(n int) file { return file{"image/png", "\x89PNG\r\n\x1a\n" + strings.Repeat("x", n)} }

func newB64(w io.Writer) io.WriteCloser { return base64.NewEncoder(base64.StdEncoding, w) }
