package page

import (
	"bytes"
	"context"
	"io"
	"net/url"
	"strings"
	"testing"

	"pagekeeper/engine/failure"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// identityHooks keep every address as written.
type identityHooks struct{}

func (identityHooks) url(r cssRef) string { return r.orig }
func (identityHooks) fontSrc(refs []fontRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.orig
	}
	return out
}
func (identityHooks) importRule(cssImport) {}

// FuzzRewriteCSS checks the promises the rest of the package relies on:
// any text is rewritten without a panic; with addresses kept, a text with
// no at-rule comes back byte for byte and a rewritten text rewrites to
// itself; every url() token of a rewritten text outside an at-rule
// prelude is one the hooks wrote; and styleSafe leaves no "</style".
func FuzzRewriteCSS(f *testing.F) {
	seeds := []string{
		`a{b:url(x.png)}`, `@import "a.css" screen; p{x:url('y')}`, `@charset "utf-8"; @import url(a) layer(x) supports(display:grid) print;`,
		`@font-face{src:local(x),url(a.woff2) format("woff2"),url(b.ttf)}`, `a{b:image-set("a.png" 1x, url(b.png) 2x)}`,
		`@namespace svg url(http://www.w3.org/2000/svg); svg|a{}`, `a{content:"</style>"}`, `a{b:url(`, `@import`,
		`a{b:url("unterminated`, `@media (min-width:1px){a{b:url(x)}}`, `/* url(x) */ a{}`, `a{--x:url(y)}`,
		"a{b:u\\rl(x)}", `@font-face{src:url(a)`, `@layer{@import "x";}`, `}}}{{{url(a)`, "a\x00{b:url(\x00)}",
		`@font-face{src:a\ ,b}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		once := rewriteCSS(in, false, identityHooks{})
		if !strings.Contains(in, "@") && once.text != in {
			t.Fatalf("identity rewrite of %q changed it to %q", in, once.text)
		}
		twice := rewriteCSS(once.text, false, identityHooks{})
		if twice.text != once.text {
			t.Fatalf("rewriting %q is not stable:\nonce  %q\ntwice %q", in, once.text, twice.text)
		}
		marked := rewriteCSS(in, false, &recordHooks{inlineFont: 0})
		rewriteCSS(in, true, &recordHooks{inlineFont: -1})
		safe := styleSafe(marked.namespaces + marked.text)
		if indexFold(safe, "</style") >= 0 {
			t.Fatalf("styleSafe(%q) holds an end tag", safe)
		}
		checkURLsMarked(t, in, marked.text)
	})
}

// checkURLsMarked fails if the rewritten text holds a url() token, outside
// an at-rule prelude, that the hooks did not write.
func checkURLsMarked(t *testing.T, in, out string) {
	l := css.NewLexer(parse.NewInputString(out))
	prelude := false
	for {
		tt, data := l.Next()
		switch tt {
		case css.ErrorToken:
			return
		case css.AtKeywordToken:
			prelude = true
		case css.LeftBraceToken, css.SemicolonToken, css.RightBraceToken:
			prelude = false
		case css.URLToken:
			v := cssURLValue(string(data))
			if !prelude && !strings.HasPrefix(v, "M:") && !strings.HasPrefix(v, "F:") {
				t.Fatalf("rewriting %q left url token %q in %q", in, data, out)
			}
		}
	}
}

// FuzzSrcset checks that a parsed srcset, written back, parses to the
// same candidates.
func FuzzSrcset(f *testing.F) {
	for _, s := range []string{"a.png 1x, b.png 2x", "a 100w, b 200w 100h", "data:image/png;base64,AA==, b 2x", " ,, a (x y) 1x", "a 1e1x,b .5x", "a,b,,c,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := parseSrcset(s)
		again := parseSrcset(formatSrcset(cs))
		if len(again) != len(cs) {
			t.Fatalf("%q: %d candidates, %d after writing back %q", s, len(cs), len(again), formatSrcset(cs))
		}
		for i := range cs {
			if cs[i].url != again[i].url || cs[i].width != again[i].width || cs[i].density != again[i].density {
				t.Fatalf("%q: candidate %d %+v became %+v", s, i, cs[i], again[i])
			}
		}
	})
}

// FuzzAssemble saves any text as a page, with every resource it wants
// answered by the same text (so stylesheets, frames and sprites are fuzzed
// too) or refused, and checks it never panics, never loops, and never
// leaves a marker in the page.
func FuzzAssemble(f *testing.F) {
	seeds := []string{
		`<img src=a.png srcset="b 1x, c 2x"><link rel=stylesheet href=s.css>`,
		`<style>@import "a.css"; @font-face{src:url(f)}</style><p style="background:url(x)">`,
		`<iframe src=f.html></iframe><iframe srcdoc="<img src=x>"></iframe><frameset><frame src=g>`,
		`<svg><use href="i.svg#a"/><image xlink:href="p.png"/></svg>`, `<base href="/x/"><script src=j.js></script>`,
		`<picture><source srcset="a" media="(min-width:1px)"><img src=b></picture>`, `<div>` + strings.Repeat("<b>", 600),
		`<noscript><img src=a></noscript><img data-src=b class=lazyload>`, "\xff\xfe<\x00p\x00>",
	}
	for _, s := range seeds {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, keep bool) {
		u, _ := url.Parse("https://ex.test/dir/page.html")
		a, err := NewAssembler(Options{KeepScripts: keep, MaxFrameDepth: 2, MaxImportDepth: 2, PageLimit: 1 << 20}, u, "", strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		for round := 0; ; round++ {
			ws := a.Wants()
			if len(ws) == 0 {
				break
			}
			if round > 40 {
				t.Fatal("still wanting after 40 rounds")
			}
			for i, w := range ws {
				r := Resource{URL: w.URL, FinalURL: w.URL, Size: int64(len(text)), ContentType: "text/html",
					Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
				switch {
				case i%3 == 2:
					r = Resource{URL: w.URL, Failure: failure.Failure{Kind: failure.HTTPStatus, Status: 404}}
				case w.Kind == Stylesheet:
					r.ContentType = "text/css"
				case w.Kind == Image:
					r.ContentType = "image/svg+xml"
				}
				if err := a.Provide(r); err != nil {
					t.Fatal(err)
				}
			}
		}
		var b bytes.Buffer
		if _, err := a.WriteTo(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), a.nonce) {
			t.Fatalf("a marker was left in the page saved from %q", text)
		}
	})
}
