package page

import (
	"fmt"
	"strings"
	"testing"
)

// recordHooks marks every address it is asked about and records it.
type recordHooks struct {
	refs    []cssRef
	fonts   [][]fontRef
	imports []cssImport
	// inlineFont is the index in each src list of the entry to "inline"
	// (the rest after it are dropped), -1 for none.
	inlineFont int
}

func (h *recordHooks) url(r cssRef) string {
	h.refs = append(h.refs, r)
	return cssURL("M:" + r.raw)
}

func (h *recordHooks) fontSrc(refs []fontRef) []string {
	h.fonts = append(h.fonts, refs)
	out := make([]string, len(refs))
	for i, r := range refs {
		switch {
		case h.inlineFont >= 0 && i > h.inlineFont:
			out[i] = ""
		default:
			out[i] = cssURL("F:" + r.raw)
		}
	}
	return out
}

func (h *recordHooks) importRule(im cssImport) { h.imports = append(h.imports, im) }

func TestRewriteCSSURLForms(t *testing.T) {
	cases := []struct{ in, raw string }{
		{`a{b:url(x.png)}`, "x.png"},
		{`a{b:url( 'x y.png' )}`, "x y.png"},
		{`a{b:url("x\"q.png")}`, `x"q.png`},
		{`a{b:URL(x.png)}`, "x.png"},
		{`a{b:url(x\).png)}`, "x).png"},
		{`a{b:url(\78.png)}`, "x.png"},
		{`a{b:image-set("x.png" 1x)}`, "x.png"},
		{`a{b:-webkit-image-set('x.png' 2x)}`, "x.png"},
	}
	for _, c := range cases {
		h := &recordHooks{inlineFont: -1}
		out := rewriteCSS(c.in, false, h)
		if len(h.refs) != 1 || h.refs[0].raw != c.raw {
			t.Errorf("%s: refs %+v, want one with %q", c.in, h.refs, c.raw)
			continue
		}
		if !h.refs[0].varOK {
			t.Errorf("%s: a declaration of a style rule should allow var()", c.in)
		}
		if !strings.Contains(out.text, `url("M:`) {
			t.Errorf("%s: rewritten to %q, address not replaced", c.in, out.text)
		}
	}
}

func TestRewriteCSSLeavesTheRestAlone(t *testing.T) {
	in := "/* c */ a > b:not(.x) { color: red; content: \"url(no.png)\"; background: url(a.png) no-repeat, url(b.png) } @media (min-width: 10px) { .y { b: url(c.png) } }"
	h := &recordHooks{inlineFont: -1}
	out := rewriteCSS(in, false, h)
	want := strings.NewReplacer("url(a.png)", `url("M:a.png")`, "url(b.png)", `url("M:b.png")`, "url(c.png)", `url("M:c.png")`).Replace(in)
	if out.text != want {
		t.Errorf("got  %q\nwant %q", out.text, want)
	}
}

func TestRewriteCSSImports(t *testing.T) {
	in := `@charset "utf-8";
@layer a, b;
@import "one.css";
@import url(two.css) screen and (min-width: 100px);
@import url("three.css") layer(base) supports(display: grid) print;
@import url(four.css) layer;
@namespace svg url(http://www.w3.org/2000/svg);
@import "late.css";
p { color: red }
@import "after-rule.css";
`
	h := &recordHooks{inlineFont: -1}
	out := rewriteCSS(in, false, h)
	got := []string{}
	for _, im := range h.imports {
		got = append(got, fmt.Sprintf("%s|%v|%s|%s|%s", im.raw, im.layer, im.layerName, im.supports, im.media))
	}
	want := []string{
		"one.css|false|||",
		"two.css|false|||screen and (min-width: 100px)",
		"three.css|true|base|display: grid|print",
		"four.css|true|||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("imports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, gone := range []string{"@charset", "@import", "@namespace"} {
		if strings.Contains(out.text, gone) {
			t.Errorf("%s left in the text: %q", gone, out.text)
		}
	}
	if !strings.Contains(out.text, "@layer a, b;") || !strings.Contains(out.text, "p { color: red }") {
		t.Errorf("rules lost: %q", out.text)
	}
	if strings.TrimSpace(out.namespaces) != "@namespace svg url(http://www.w3.org/2000/svg);" {
		t.Errorf("namespaces = %q", out.namespaces)
	}
	if len(h.refs) != 0 {
		t.Errorf("the @namespace url is not a resource, got refs %+v", h.refs)
	}
}

func TestRewriteCSSFontFace(t *testing.T) {
	in := `@font-face { font-family: F; src: local("F"), url(f.eot) format("embedded-opentype"), url(f.woff2) format("woff2"), url(f.ttf) format(truetype); font-weight: bold }
p { background: url(p.png) }`
	h := &recordHooks{inlineFont: 1}
	out := rewriteCSS(in, false, h)
	if len(h.fonts) != 1 || len(h.fonts[0]) != 3 {
		t.Fatalf("font src lists %+v, want one of three url() entries", h.fonts)
	}
	sup := []bool{h.fonts[0][0].supported, h.fonts[0][1].supported, h.fonts[0][2].supported}
	if fmt.Sprint(sup) != "[false true true]" {
		t.Errorf("supported = %v, want [false true true]", sup)
	}
	wantSrc := `src: local("F"), url("F:f.eot") format("embedded-opentype"), url("F:f.woff2") format("woff2"); font-weight: bold`
	if !strings.Contains(out.text, wantSrc) {
		t.Errorf("src written as %q, want it to contain %q", out.text, wantSrc)
	}
	if len(h.refs) != 1 || h.refs[0].font || !h.refs[0].varOK {
		t.Errorf("p's background: refs %+v", h.refs)
	}
}

func TestRewriteCSSVarOnlyWhereAllowed(t *testing.T) {
	in := `@font-face{font-family:X;font-display:url(a.png)} @property --x{syntax:"<image>";initial-value:url(b.png)} @media print{a{b:url(c.png)}}`
	h := &recordHooks{inlineFont: -1}
	rewriteCSS(in, false, h)
	got := map[string]bool{}
	for _, r := range h.refs {
		got[r.raw] = r.varOK
	}
	want := map[string]bool{"a.png": false, "b.png": false, "c.png": true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("varOK %v, want %v", got, want)
	}
	h = &recordHooks{inlineFont: -1}
	rewriteCSS(`background:url(d.png)`, true, h)
	if len(h.refs) != 1 || !h.refs[0].varOK {
		t.Errorf("a style attribute allows var(): %+v", h.refs)
	}
}

func TestStyleSafe(t *testing.T) {
	in := `a{content:"</style><script>x</script>"} b{content:"</STYLE"}`
	out := styleSafe(in)
	if containsFold(out, "</style") {
		t.Errorf("styleSafe left an end tag: %q", out)
	}
	if out != `a{content:"<\/style><script>x</script>"} b{content:"<\/STYLE"}` {
		t.Errorf("styleSafe = %q", out)
	}
}

func containsFold(s, sub string) bool { return indexFold(s, sub) >= 0 }
