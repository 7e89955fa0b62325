package page

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"pagekeeper/engine/failure"
)

func TestProvideAndWriteMisuse(t *testing.T) {
	u, _ := url.Parse("https://ex.test/")
	a, err := NewAssembler(Options{}, u, "", strings.NewReader(`<img src="a.png">`))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Provide(Resource{URL: "https://ex.test/never.png"}); err == nil {
		t.Error("Provide of an address never wanted: no error")
	}
	ws := a.Wants()
	if len(a.Wants()) != 0 {
		t.Error("Wants returned the same addresses twice")
	}
	for _, w := range ws {
		r := memSite{}.resource(w)
		if err := a.Provide(r); err != nil {
			t.Fatal(err)
		}
		if err := a.Provide(r); err == nil {
			t.Errorf("providing %s twice: no error", w.URL)
		}
	}
	if total, provided := a.ResourceCount(); total != len(ws) || provided != len(ws) {
		t.Errorf("ResourceCount = %d, %d; want %d, %d", total, provided, len(ws), len(ws))
	}
	if _, err := a.WriteTo(context.Background(), io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := a.WriteTo(context.Background(), io.Discard); !errors.Is(err, ErrWritten) {
		t.Errorf("second WriteTo: %v, want ErrWritten", err)
	}
}

func TestPageLimit(t *testing.T) {
	site := memSite{"https://ex.test/a.png": png(600), "https://ex.test/b.png": png(600)}
	a, out, _ := assembleMem(t, Options{PageLimit: 1000}, "https://ex.test/", `<img src="a.png"><img src="b.png">`, site)
	if !strings.Contains(out, `<img src="data:image/png;base64,`) {
		t.Error("the first image, within the limit, was not inlined")
	}
	if !strings.Contains(out, `<img src="https://ex.test/b.png"/>`) {
		t.Errorf("the image past the limit does not keep its address: %s", out)
	}
	m := a.Missing()
	if len(m) != 1 || m[0].URL != "https://ex.test/b.png" || m[0].Failure.Kind != failure.PageTooLarge || m[0].Failure.Limit != 1000 {
		t.Errorf("Missing = %+v, want b.png as PageTooLarge with limit 1000", m)
	}
}

func TestFontFallsBackToTheNextSource(t *testing.T) {
	site := memSite{"https://ex.test/f.ttf": {"font/ttf", "TTF"}, "https://ex.test/f.otf": {"font/otf", "OTF"}}
	page := `<style>@font-face{font-family:F;src:url(f.woff2) format("woff2"),url(f.eot) format("embedded-opentype"),url(f.ttf) format("truetype"),url(f.otf)}</style>`
	a, out, ws := assembleMem(t, Options{}, "https://ex.test/", page, site)
	got := wantedURLs(ws)
	want := []string{"https://ex.test/f.woff2", "https://ex.test/favicon.ico", "https://ex.test/f.ttf"}
	if !slices.Equal(got, want) {
		t.Errorf("wanted %q, want %q (the .eot the browser would skip, and the .otf after a working .ttf, are not fetched)", got, want)
	}
	wantSrc := `src:url("https://ex.test/f.woff2") format("woff2"), url("https://ex.test/f.eot") format("embedded-opentype"), url("data:font/ttf;base64,VFRG") format("truetype")}`
	if !strings.Contains(out, wantSrc) {
		t.Errorf("src written as\n%s\nwant it to contain\n%s", out, wantSrc)
	}
	if k := missingKinds(a)["https://ex.test/f.woff2"]; k != failure.HTTPStatus {
		t.Errorf("the failed woff2 is listed as %v", k)
	}
}

func TestImportDepthAndCycles(t *testing.T) {
	site := memSite{}
	for i := range 8 {
		site[fmt.Sprintf("https://ex.test/c%d.css", i)] = file{"text/css", fmt.Sprintf(`@import "c%d.css"; .c%d{color:red}`, i+1, i)}
	}
	site["https://ex.test/a.css"] = file{"text/css", `@import "b.css"; .a{x:y}`}
	site["https://ex.test/b.css"] = file{"text/css", `@import url(a.css) screen; .b{x:y}`}
	page := `<link rel="stylesheet" href="c0.css"><style>@import "a.css";</style>`
	a, out, _ := assembleMem(t, Options{MaxImportDepth: 3}, "https://ex.test/", page, site)
	for i := range 4 {
		if !strings.Contains(out, fmt.Sprintf(".c%d{color:red}", i)) {
			t.Errorf("c%d.css, within the depth limit, is not in the page", i)
		}
	}
	if strings.Contains(out, ".c4{") {
		t.Error("c4.css, past the depth limit, is in the page")
	}
	if k := missingKinds(a)["https://ex.test/c4.css"]; k != failure.NotFetched {
		t.Errorf("c4.css missing as %v, want NotFetched; missing: %+v", k, a.Missing())
	}
	if !strings.Contains(out, `@import url("https://ex.test/c4.css");`) {
		t.Error("the @import past the limit does not stay as an absolute link")
	}
	if strings.Count(out, ".a{x:y}") != 1 || strings.Count(out, ".b{x:y}") != 1 {
		t.Errorf("an @import cycle is written more or less than once: %s", out)
	}
	if _, listed := missingKinds(a)["https://ex.test/a.css"]; listed {
		t.Error("a.css, in a cycle but included, is listed as missing")
	}
	// Cascade order: what an @import brings comes before the rules of
	// the sheet that imports it.
	if strings.Index(out, ".c1{") > strings.Index(out, ".c0{") || strings.Index(out, ".b{") > strings.Index(out, ".a{") {
		t.Errorf("imported rules do not come first: %s", out)
	}
}

func TestFramesDepthAndLoops(t *testing.T) {
	site := memSite{"https://ex.test/loop.html": {"text/html", `<!doctype html><p>loop</p><iframe src="loop.html"></iframe>`}}
	for i := range 6 {
		site[fmt.Sprintf("https://ex.test/f%d.html", i)] = file{"text/html", fmt.Sprintf(`<!doctype html><p>frame %d</p><iframe src="f%d.html"></iframe>`, i, i+1)}
	}
	a, out, _ := assembleMem(t, Options{MaxFrameDepth: 3}, "https://ex.test/", `<iframe src="f0.html"></iframe><iframe src="loop.html"></iframe>`, site)
	for i := range 3 {
		if !strings.Contains(out, fmt.Sprintf("frame %d", i)) {
			t.Errorf("frame %d, within the depth limit, is not in the page", i)
		}
	}
	if strings.Contains(out, "frame 3") {
		t.Error("frame 3, past the depth limit, is in the page")
	}
	m := missingKinds(a)
	if m["https://ex.test/f3.html"] != failure.NotFetched {
		t.Errorf("f3.html is missing as %v, want NotFetched", m["https://ex.test/f3.html"])
	}
	if strings.Count(out, "loop") < 2 || strings.Count(out, "&lt;p&gt;loop") != 1 {
		t.Errorf("the frame showing itself should be kept once, its inner frame left as a link: %s", out)
	}
}

func TestScriptsRemoved(t *testing.T) {
	page := `<html><head><script src="app.js"></script><script>alert(1)</script>
<script type="application/ld+json">{"a":1}</script><script type="module">import "x"</script>
<link rel="preload" href="app.js" as="script"><link rel="modulepreload" href="m.js">
<link rel="stylesheet" href="s.css" media="print" onload="this.media='all'"></head>
<body onload="go()"><a href="x" onclick="f()" ping="https://t/">x</a>
<svg><script>1</script><circle onclick="f()"/></svg>
<noscript><p class="ns">no scripts</p></noscript>
<img class="lazyload" data-src="a.png"><noscript><img src="a.png"></noscript></body></html>`
	site := memSite{"https://ex.test/s.css": {"text/css", "p{color:blue}"}, "https://ex.test/a.png": png(10)}
	_, out, ws := assembleMem(t, Options{}, "https://ex.test/", page, site)
	for _, w := range ws {
		if w.Kind == Script {
			t.Errorf("wanted a script with scripts removed: %s", w.URL)
		}
	}
	doc := parseOut(t, out)
	var scripts []string
	eachElement(doc, func(n *html.Node) {
		if n.Data == "script" {
			scripts = append(scripts, attrVal(n, "type"))
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "ping" {
				t.Errorf("<%s %s> kept", n.Data, a.Key)
			}
		}
		if n.Data == "link" {
			t.Errorf("a <link> is left: %v", n.Attr)
		}
		if n.Data == "style" && strings.Contains(textOf(n), "color:blue") && attrIndex(n, "media") >= 0 {
			t.Errorf("the print-then-all stylesheet keeps media %q without its script", attrVal(n, "media"))
		}
	})
	if !slices.Equal(scripts, []string{"application/ld+json"}) {
		t.Errorf("scripts left: %q, want only the JSON-LD data block", scripts)
	}
	if !strings.Contains(out, `<p class="ns">no scripts</p>`) {
		t.Error("<noscript> content is not shown with scripts removed")
	}
	if strings.Count(out, "<img") != 1 {
		t.Errorf("the lazy image's <noscript> fallback is shown as well: %s", out)
	}
	if !strings.Contains(out, "script-src &#39;none&#39;") {
		t.Error("the policy does not forbid scripts")
	}
}

func TestScriptsKept(t *testing.T) {
	js := "var s = \"</script><!--\"; document.title = 'é';"
	site := memSite{
		"https://ex.test/a.js": {"text/javascript", js},
		"https://ex.test/m.js": {"text/javascript; charset=utf-8", "export const x = '</script>';"},
		"https://ex.test/l.js": {"application/javascript", "var latin = 'é';"},
	}
	page := `<html><head><meta charset="windows-1252"><script src="a.js" integrity="sha384-x" crossorigin></script>
<script type="module" src="m.js"></script><script defer src="l.js"></script></head><body onload="x()"></body></html>`
	_, out, _ := assembleMem(t, Options{KeepScripts: true}, "https://ex.test/", page, site)
	doc := parseOut(t, out)
	var texts, srcs []string
	eachElement(doc, func(n *html.Node) {
		if n.Data == "script" {
			texts = append(texts, textOf(n))
			srcs = append(srcs, attrVal(n, "src"))
			if attrIndex(n, "integrity") >= 0 {
				t.Error("integrity kept on an inlined script")
			}
		}
	})
	if len(texts) != 3 {
		t.Fatalf("%d scripts, want 3: %s", len(texts), out)
	}
	if want := "var s = \"\\u003C/script>\\u003C!--\"; document.title = 'é';"; texts[0] != want {
		t.Errorf("inline script text %q, want %q", texts[0], want)
	}
	if !strings.HasPrefix(srcs[1], "data:text/javascript;charset=utf-8;base64,") || !strings.HasPrefix(srcs[2], "data:text/javascript;charset=utf-8;base64,") {
		t.Errorf("a module and a deferred script must keep a src (as data:) to run when they did: %q", srcs)
	}
	if !strings.Contains(out, `onload="x()"`) {
		t.Error("event handlers removed although scripts are kept")
	}
}

func TestTidyHead(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<meta http-equiv="refresh" content="5; url=https://elsewhere/"><meta http-equiv="Content-Security-Policy" content="img-src https:">
<base href="https://cdn.test/dir/" target="_blank"><title>T</title>
<link rel="preload" href="p.css" as="style" onload="this.onload=null;this.rel='stylesheet'">
<link rel="dns-prefetch" href="//cdn.test"><link rel="canonical" href="/canonical"></head>
<body><a href="page.html">p</a><a href="#top">t</a><a href="mailto:a@b.c">m</a><form action="send"></form>
<area href="/map"><img src="i.png"></body></html>`
	site := memSite{"https://cdn.test/dir/p.css": {"text/css", "p{color:green}"}, "https://cdn.test/dir/i.png": png(5)}
	_, out, _ := assembleMem(t, Options{}, "https://ex.test/a/", page, site)
	doc := parseOut(t, out)
	head := findFirst(doc, func(n *html.Node) bool { return isHTML(n, atom.Head) })
	first := head.FirstChild
	if first == nil || attrVal(first, "charset") != "utf-8" {
		t.Fatalf("the head does not start with <meta charset=utf-8>: %s", out)
	}
	if second := first.NextSibling; second == nil || attrVal(second, "http-equiv") != "Content-Security-Policy" {
		t.Fatal("the policy does not follow the charset")
	}
	if strings.Count(out, "http-equiv") != 1 || strings.Contains(out, "iso-8859-1") || strings.Contains(out, "refresh") {
		t.Errorf("stale meta elements kept: %s", out)
	}
	if !strings.Contains(out, `<base target="_blank"/>`) {
		t.Error("<base> should keep its target and lose its href")
	}
	if !strings.Contains(out, "p{color:green}") {
		t.Error("the preloaded stylesheet an onload turns on is not in the page")
	}
	for _, want := range []string{`href="https://cdn.test/dir/page.html"`, `href="https://cdn.test/dir/#top"`,
		`href="mailto:a@b.c"`, `action="https://cdn.test/dir/send"`, `href="https://cdn.test/map"`, `href="https://cdn.test/canonical"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in %s", want, out)
		}
	}
	if strings.Contains(out, "dns-prefetch") {
		t.Error("dns-prefetch kept")
	}
}

func TestFragmentLinksStayLocal(t *testing.T) {
	_, out, _ := assembleMem(t, Options{}, "https://ex.test/a/", `<a href="#top">t</a><a href="?q=1">q</a>`, memSite{})
	if !strings.Contains(out, `href="#top"`) || !strings.Contains(out, `href="https://ex.test/a/?q=1"`) {
		t.Errorf("links: %s", out)
	}
}

func TestRepeatedResourcesStoredOnce(t *testing.T) {
	site := memSite{"https://ex.test/s.png": png(300), "https://ex.test/f.ttf": {"font/ttf", "FONT"}, "https://ex.test/one.png": png(20)}
	var b strings.Builder
	b.WriteString(`<style>.a{background:url(s.png)} .b{background:url(s.png#frag)} .c{background:url(one.png)}
@font-face{font-family:F;src:url(f.ttf)} @font-face{font-family:G;src:url(f.ttf)}</style>`)
	for i := range 50 {
		fmt.Fprintf(&b, `<i style="background:url(s.png) -%dpx 0"></i>`, i)
	}
	_, out, _ := assembleMem(t, Options{}, "https://ex.test/", b.String(), site)
	body := "base64," + encodedOf(png(300).body)
	if n := strings.Count(out, body); n != 2 {
		t.Errorf("the sprite is written %d times, want twice (once as a custom property, once with its #fragment)", n)
	}
	if n := strings.Count(out, "var(--pagekeeper-1)"); n != 51 {
		t.Errorf("var(--pagekeeper-1) used %d times, want 51", n)
	}
	if !strings.Contains(out, `:root{--pagekeeper-1:url("data:image/png;base64,`) {
		t.Error("no custom property on :root")
	}
	if strings.Count(out, "base64,"+encodedOf("FONT")) != 2 {
		t.Error("a font used twice must be inlined in each @font-face (var() does not work in src)")
	}
	if strings.Contains(out, "--pagekeeper-2") {
		t.Error("a resource used once, or only in @font-face, got a custom property")
	}
}

func TestStyleEndTagInCSS(t *testing.T) {
	site := memSite{"https://ex.test/s.css": {"text/css", `p::after{content:"</style><b>bold</b>"} p{color:red}`}}
	_, out, _ := assembleMem(t, Options{}, "https://ex.test/", `<link rel="stylesheet" href="s.css"><p>x</p>`, site)
	doc := parseOut(t, out)
	style := findFirst(doc, func(n *html.Node) bool { return isHTML(n, atom.Style) })
	if style == nil || !strings.Contains(textOf(style), "p{color:red}") {
		t.Fatalf("the stylesheet was cut short by its </style>: %s", out)
	}
	if findFirst(doc, func(n *html.Node) bool { return isHTML(n, atom.B) }) != nil {
		t.Error("text of the stylesheet became markup")
	}
}

func TestFileGoneAtWriteTime(t *testing.T) {
	u, _ := url.Parse("https://ex.test/")
	a, _ := NewAssembler(Options{}, u, "", strings.NewReader(`<img src="a.png">`))
	opened := 0
	for _, w := range a.Wants() {
		r := memSite{"https://ex.test/a.png": png(5)}.resource(w)
		if w.URL == "https://ex.test/a.png" {
			open := r.Open
			r.Open = func() (io.ReadCloser, error) {
				if opened++; opened > 1 {
					return nil, errors.New("gone")
				}
				return open()
			}
		}
		a.Provide(r)
	}
	var b strings.Builder
	if _, err := a.WriteTo(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `src="about:invalid"`) {
		t.Errorf("saved %s", b.String())
	}
	if k := missingKinds(a)["https://ex.test/a.png"]; k != failure.FileMissing {
		t.Errorf("the vanished file is missing as %v, want FileMissing", k)
	}
}

func TestWriteStopsWhenCanceled(t *testing.T) {
	u, _ := url.Parse("https://ex.test/")
	a, _ := NewAssembler(Options{}, u, "", strings.NewReader(`<img src="a.png">`))
	for _, w := range a.Wants() {
		a.Provide(memSite{"https://ex.test/a.png": png(1 << 20)}.resource(w))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.WriteTo(ctx, io.Discard); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteTo with a canceled context: %v", err)
	}
}

func TestTitleAndIsHTML(t *testing.T) {
	u, _ := url.Parse("https://ex.test/")
	a, _ := NewAssembler(Options{}, u, "", strings.NewReader("<title>\n A  page\t</title><svg><title>not this</title></svg>"))
	if a.Title() != "A page" {
		t.Errorf("Title = %q", a.Title())
	}
	cases := []struct {
		ctype, sniff string
		want         bool
	}{
		{"text/html; charset=utf-8", "", true},
		{"application/xhtml+xml", "", true},
		{"TEXT/HTML", "", true},
		{"text/plain", "<html>", false},
		{"", "<!DOCTYPE html><p>", true},
		{"", "\x89PNG\r\n\x1a\n", false},
		{"application/json", "{}", false},
	}
	for _, c := range cases {
		if got := IsHTML(c.ctype, []byte(c.sniff)); got != c.want {
			t.Errorf("IsHTML(%q, %q) = %v", c.ctype, c.sniff, got)
		}
	}
}

func encodedOf(s string) string {
	var b strings.Builder
	enc := newB64(&b)
	enc.Write([]byte(s))
	enc.Close()
	return b.String()
}

func TestPageLimitCountsEveryCopy(t *testing.T) {
	site := memSite{"https://ex.test/a.png": png(292)} // 300 bytes
	page := strings.Repeat(`<img src="a.png">`, 5)
	a, out, _ := assembleMem(t, Options{PageLimit: 1000}, "https://ex.test/", page, site)
	if n := strings.Count(out, `<img src="data:image/png`); n != 3 {
		t.Errorf("%d copies inlined, want 3 (900 of the 1000 bytes allowed)", n)
	}
	if n := strings.Count(out, `<img src="https://ex.test/a.png"/>`); n != 2 {
		t.Errorf("%d uses kept as links, want 2", n)
	}
	if k := missingKinds(a)["https://ex.test/a.png"]; k != failure.PageTooLarge {
		t.Errorf("the image whose copies passed the limit is missing as %v", k)
	}
}

func TestFrameDocumentsBounded(t *testing.T) {
	page := strings.Repeat(`<iframe srcdoc="<p>frame</p>"></iframe>`, maxFrameDocs+20)
	_, out, _ := assembleMem(t, Options{}, "https://ex.test/", page, memSite{})
	if n := strings.Count(out, "&lt;meta charset="); n != maxFrameDocs {
		t.Errorf("%d frame documents saved, want the cap of %d", n, maxFrameDocs)
	}
}
