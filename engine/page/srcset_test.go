package page

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestParseSrcset(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a.png 1x, b.png 2x", "a.png 0w 1x|b.png 0w 2x"},
		{"a.png 100w, b.png 200w 50h", "a.png 100w 0x|b.png 200w 0x"},
		// A data: URI holds a comma; only trailing commas end a URL.
		{"data:image/png;base64,AA==, b.png 2x", "data:image/png;base64,AA== 0w 0x|b.png 0w 2x"},
		{"a.png,b.png", "a.png,b.png 0w 0x"},
		{" ,, a.png , b.png ,", "a.png 0w 0x|b.png 0w 0x"},
		{"a.png 1x 2x, b.png", "b.png 0w 0x"},      // two densities: dropped
		{"a.png 50h, b.png 1.5x", "b.png 0w 1.5x"}, // h without w: dropped
		{"a.png +1x, b.png 1.x, c.png .5x, d 1e1x", "c.png 0w 0.5x|d 0w 10x"},
		{"a.png 0w, b.png -1x, c.png 1x", "c.png 0w 1x"},
		{"a.png (x y) 1x", ""}, // a descriptor in parentheses is unknown
		{"a.png 1x,b.png 2x", "a.png 0w 1x|b.png 0w 2x"},
	}
	for _, c := range cases {
		var got []string
		for _, cd := range parseSrcset(c.in) {
			got = append(got, fmt.Sprintf("%s %dw %gx", cd.url, cd.width, cd.density))
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("parseSrcset(%q) = %q, want %q", c.in, strings.Join(got, "|"), c.want)
		}
	}
}

func TestChooseCandidate(t *testing.T) {
	cases := []struct {
		srcset, sizes string
		want          string
	}{
		{"a 1x, b 2x", "", "a"},
		{"b 2x, a 1x", "", "a"},
		{"b 2x, c 3x", "", "b"},
		{"a 0.5x, b 0.75x", "", "b"},
		{"s 200w, m 400w, l 800w", "(max-width: 600px) 100vw, 200px", "s"},
		{"s 640w, m 1280w, l 1920w", "", "m"},
		{"s 640w, m 1280w, l 1920w", "50vw", "s"},
		{"s 640w, m 1300w", "calc(100vw - 80px)", "m"},
		{"a 100w, b 100w", "100px", "a"},
	}
	for _, c := range cases {
		cs := parseSrcset(c.srcset)
		i := desktop.chooseCandidate(cs, c.sizes)
		if i < 0 || cs[i].url != c.want {
			t.Errorf("srcset %q sizes %q: chose %d, want %s", c.srcset, c.sizes, i, c.want)
		}
	}
}

func TestMatchMedia(t *testing.T) {
	cases := map[string]bool{
		"":                                    true,
		"all":                                 true,
		"screen":                              true,
		"print":                               false,
		"not print":                           true,
		"only screen and (min-width: 1000px)": true,
		"(min-width: 600px)":                  true,
		"(max-width: 600px)":                  false,
		"(min-width: 40em)":                   true,
		"(min-width: 81em)":                   false,
		"(width >= 1280px)":                   true,
		"(400px < width < 1000px)":            false,
		"(min-width: 600px) and (max-width: 800px)": false,
		"(min-width: 600px) or (max-width: 800px)":  true,
		"not (max-width: 800px)":                    true,
		"(prefers-color-scheme: dark)":              false,
		"(prefers-color-scheme: light)":             true,
		"(min-resolution: 2dppx)":                   false,
		"(-webkit-min-device-pixel-ratio: 2)":       false,
		"(orientation: landscape)":                  true,
		"(hover: hover) and (pointer: fine)":        true,
		"print, (min-width: 1px)":                   true,
		"(unknown-feature: 3)":                      false,
		"screen and":                                false,
	}
	for q, want := range cases {
		if got := desktop.matchMedia(q); got != want {
			t.Errorf("matchMedia(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestChoosePicture(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<picture>
<source srcset="heic.png" type="image/heic">
<source media="(max-width: 700px)" srcset="narrow.png">
<source media="(min-width: 701px)" srcset="wide.png 1x, wide2.png 2x">
<img src="fallback.png"></picture>`))
	if err != nil {
		t.Fatal(err)
	}
	pic := findFirst(doc, func(n *html.Node) bool { return isHTML(n, atom.Picture) })
	desktop.choosePicture(pic)
	var b strings.Builder
	html.Render(&b, pic)
	want := `<picture>


<source srcset="wide.png 1x"/>
<img/></picture>`
	if b.String() != want {
		t.Errorf("picture became %q, want %q", b.String(), want)
	}
}
