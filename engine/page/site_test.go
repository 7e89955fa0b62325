package page_test

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/page"
	"pagekeeper/engine/page/pagetest"
)

// resourceAttrs are the attributes that load something when the page is
// shown, by element.
var resourceAttrs = map[string][]string{
	"img": {"src", "srcset"}, "source": {"src", "srcset"}, "input": {"src"}, "video": {"src", "poster"},
	"audio": {"src"}, "track": {"src"}, "iframe": {"src"}, "frame": {"src"}, "embed": {"src"}, "object": {"data"},
	"script": {"src"}, "image": {"href"}, "use": {"href"}, "feimage": {"href"},
}

var cssURLRe = regexp.MustCompile(`(?i)url\(\s*["']?([^"')]*)`)

// TestSavedPagesHoldTheirResources saves every test page and checks the
// saved HTML: every resource it loads is a data: URI (or an SVG fragment
// in the page) unless it is listed as missing, no stylesheet is left as a
// link, the encoding and the policy come first in <head>, and nothing
// left over points at the site but links to other pages.
func TestSavedPagesHoldTheirResources(t *testing.T) {
	site := pagetest.New(t)
	fetch := pagetest.NewFetcher(t)
	for _, keep := range []bool{false, true} {
		for _, p := range pagetest.Pages() {
			res := fetch.Assemble(t, site.URL(p.Path), page.Options{KeepScripts: keep, PageLimit: pagetest.PageLimit})
			saved, err := os.ReadFile(res.File)
			if err != nil {
				t.Fatal(err)
			}
			missing := map[string]bool{}
			for _, m := range res.Missing {
				missing[m.URL] = true
			}
			var gotMissing []string
			for _, m := range res.Missing {
				u, _ := url.Parse(m.URL)
				gotMissing = append(gotMissing, u.Path)
			}
			slices.Sort(gotMissing)
			wantMissing := slices.Sorted(slices.Values(p.Missing))
			if !slices.Equal(gotMissing, wantMissing) {
				t.Errorf("%s: missing %q, want %q", p.Path, gotMissing, wantMissing)
			}
			checkSaved(t, p.Path, string(saved), missing, keep)
		}
	}
}

func checkSaved(t *testing.T, path, saved string, missing map[string]bool, keep bool) {
	t.Helper()
	if !strings.HasPrefix(strings.ToLower(saved), "<!doctype") && path != "/deep.html" && !strings.HasSuffix(path, "(srcdoc)") {
		t.Errorf("%s: the doctype is not kept first", path)
	}
	if regexp.MustCompile(`pk[0-9a-f]{16}_`).MatchString(saved) {
		t.Errorf("%s: a marker was left in the page", path)
	}
	doc, err := html.Parse(strings.NewReader(saved))
	if err != nil {
		// Too deep for x/net/html (deep.html): check the text instead.
		checkText(t, path, saved, missing)
		return
	}
	ok := func(v string) bool {
		v = strings.TrimSpace(v)
		return v == "" || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "#") || missing[strings.SplitN(v, "#", 2)[0]]
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name := strings.ToLower(n.Data)
			for _, a := range n.Attr {
				key := a.Key
				if slices.Contains(resourceAttrs[name], key) {
					vals := []string{a.Val}
					if key == "srcset" {
						vals = strings.Split(a.Val, ", ")
						for i := range vals {
							vals[i] = strings.Fields(vals[i])[0]
						}
					}
					for _, v := range vals {
						if !ok(v) {
							t.Errorf("%s: <%s %s=%.80q> is neither inlined nor listed missing", path, name, key, v)
						}
					}
				}
				if key == "style" {
					checkCSS(t, path, a.Val, missing)
				}
				if !keep && strings.HasPrefix(strings.ToLower(key), "on") {
					t.Errorf("%s: <%s %s> kept with scripts removed", path, name, key)
				}
			}
			switch name {
			case "link":
				rel := strings.ToLower(attrOf(n, "rel"))
				if strings.Contains(rel, "stylesheet") && !missing[attrOf(n, "href")] {
					t.Errorf("%s: a stylesheet is still a link: %v", path, n.Attr)
				}
				if strings.Contains(rel, "icon") && !ok(attrOf(n, "href")) {
					t.Errorf("%s: the icon is not inlined", path)
				}
			case "style":
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					checkCSS(t, path, c.Data, missing)
				}
			case "script":
				if !keep && attrOf(n, "type") == "" {
					t.Errorf("%s: a script is kept with scripts removed", path)
				}
			case "head":
				first := n.FirstChild
				if first == nil || first.Data != "meta" || attrOf(first, "charset") != "utf-8" ||
					first.NextSibling == nil || attrOf(first.NextSibling, "http-equiv") != "Content-Security-Policy" {
					t.Errorf("%s: <head> does not start with the charset and the policy", path)
				}
			case "iframe":
				if sd, has := attrValue(n, "srcdoc"); has {
					checkSaved(t, path+" (srcdoc)", sd, missing, keep)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func checkCSS(t *testing.T, path, css string, missing map[string]bool) {
	t.Helper()
	for _, m := range cssURLRe.FindAllStringSubmatch(css, -1) {
		v := m[1]
		if !strings.HasPrefix(v, "data:") && !strings.HasPrefix(v, "#") && !missing[v] {
			t.Errorf("%s: CSS url(%.80q) is neither inlined nor listed missing", path, v)
		}
	}
}

// checkText is the check for a page the parser refuses: no address of
// the site left but in links and missing resources.
func checkText(t *testing.T, path, saved string, missing map[string]bool) {
	t.Helper()
	for _, m := range regexp.MustCompile(`(src|href)="([^"]*)"`).FindAllStringSubmatch(saved, -1) {
		if strings.HasPrefix(m[2], "http") && !missing[m[2]] {
			t.Errorf("%s: %s=%q left", path, m[1], m[2])
		}
	}
	if !strings.Contains(saved, `http-equiv="Content-Security-Policy"`) {
		t.Errorf("%s: no policy", path)
	}
}

func attrOf(n *html.Node, key string) string {
	v, _ := attrValue(n, key)
	return v
}

func attrValue(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func TestMissingReasons(t *testing.T) {
	site := pagetest.New(t)
	res := pagetest.NewFetcher(t).Assemble(t, site.URL("/missing.html"), page.Options{PageLimit: pagetest.PageLimit})
	for _, m := range res.Missing {
		u, _ := url.Parse(m.URL)
		want := failure.Failure{Kind: failure.HTTPStatus, Status: 404}
		if u.Path == "/img/huge.png" {
			want = failure.Failure{Kind: failure.PageTooLarge, Limit: pagetest.PageLimit}
		}
		if m.Failure != want {
			t.Errorf("%s missing as %+v (%s), want %+v", u.Path, m.Failure, m.Failure.Message(), want)
		}
	}
}

func TestTextDecoded(t *testing.T) {
	site := pagetest.New(t)
	res := pagetest.NewFetcher(t).Assemble(t, site.URL("/latin1.html"), page.Options{})
	saved, _ := os.ReadFile(res.File)
	for _, want := range []string{"Café crème brûlée", "“Quotes” – 5 € – Grüße – naïve", `content:" — é"`, `<meta charset="utf-8"/>`} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("the saved windows-1252 page lacks %q", want)
		}
	}
	if res.Title != "Café crème" {
		t.Errorf("Title = %q", res.Title)
	}
}

func TestScriptWithEndTagInlined(t *testing.T) {
	site := pagetest.New(t)
	res := pagetest.NewFetcher(t).Assemble(t, site.URL("/script.html"), page.Options{KeepScripts: true})
	saved, _ := os.ReadFile(res.File)
	doc, err := html.Parse(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	var script string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" && n.FirstChild != nil {
			script = n.FirstChild.Data
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !strings.Contains(script, `var closing = "\u003C/script><b>not markup</b>";`) || !strings.Contains(script, "style.background = '#3a5'") {
		t.Errorf("the inlined script is cut or unescaped:\n%s", script)
	}
}

// TestSpriteStoredOnce saves the page that shows one sprite sheet 100
// times with and without storing repeated resources once, and reports
// both sizes.
func TestSpriteStoredOnce(t *testing.T) {
	site := pagetest.New(t)
	fetch := pagetest.NewFetcher(t)
	sizes := map[bool]int{}
	for _, dedup := range []bool{true, false} {
		u, _ := url.Parse(site.URL(pagetest.SpritePath))
		p := fetch.Get(page.Want{URL: u.String(), Kind: page.Frame})
		body, _ := p.Open()
		a, err := page.NewAssembler(page.Options{}, u, p.ContentType, body)
		body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !dedup {
			page.WithoutDedup(a)
		}
		for ws := a.Wants(); len(ws) > 0; ws = a.Wants() {
			for _, w := range ws {
				if err := a.Provide(fetch.Get(w)); err != nil {
					t.Fatal(err)
				}
			}
		}
		var out bytes.Buffer
		if _, err := a.WriteTo(context.Background(), &out); err != nil {
			t.Fatal(err)
		}
		sizes[dedup] = out.Len()
		sprite := fetch.Get(page.Want{URL: site.URL(pagetest.Sprite), Kind: page.Image})
		r, _ := sprite.Open()
		var enc bytes.Buffer
		e := newBase64(&enc)
		copyAll(e, r)
		e.Close()
		r.Close()
		want := 1
		if !dedup {
			want = 101
		}
		if n := strings.Count(out.String(), enc.String()); n != want {
			t.Errorf("dedup %v: the sprite is written %d times, want %d", dedup, n, want)
		}
	}
	t.Logf("sprites.html (sprite %s used 100 times): %d bytes stored once, %d bytes without (%.1f times larger)",
		pagetest.Sprite, sizes[true], sizes[false], float64(sizes[false])/float64(sizes[true]))
}

func TestEachResourceFetchedOnce(t *testing.T) {
	site := pagetest.New(t)
	res := pagetest.NewFetcher(t).Assemble(t, site.URL("/typical.html"), page.Options{})
	seen := map[string]bool{}
	for _, w := range res.Wants {
		if seen[w.URL] {
			t.Errorf("%s wanted twice", w.URL)
		}
		seen[w.URL] = true
	}
	if n := site.Hits("/fonts/gomonobold.ttf"); n != 1 {
		t.Errorf("the font was fetched %d times", n)
	}
}

func TestShiftJISDecoded(t *testing.T) {
	site := pagetest.New(t)
	res := pagetest.NewFetcher(t).Assemble(t, site.URL("/sjis.html"), page.Options{})
	saved, _ := os.ReadFile(res.File)
	if !strings.Contains(string(saved), "<p>Shift_JIS: 東京・大阪・ｶﾀｶﾅ ― “引用”</p>") || strings.Contains(string(saved), "Shift_JIS\"") {
		t.Errorf("the Shift_JIS page is not saved as the same text in UTF-8:\n%s", saved)
	}
	if res.Title != "日本語のページ" {
		t.Errorf("Title = %q", res.Title)
	}
}
