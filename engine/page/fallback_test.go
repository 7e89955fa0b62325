package page

import (
	"strings"
	"testing"
)

// TestTooDeepForTheParser saves a page nested past what x/net/html
// accepts, token by token, and checks it is saved like any other:
// resources inlined, stylesheets as <style>, frames as srcdoc, links
// absolute, scripts kept or removed, the charset and policy first.
func TestTooDeepForTheParser(t *testing.T) {
	deep := strings.Repeat("<div>", 600) + `<img src="a.png" srcset="a.png 1x, b.png 2x"><a href="next.html">n</a>` + strings.Repeat("</div>", 600)
	page := `<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Deep one</title>
<link rel="stylesheet" href="s.css"><script src="j.js"></script><base href="/sub/"></head>
<body onload="x()"><iframe srcdoc="<p>in a frame <img src='a.png'></p>"></iframe>` + deep + `<noscript><p>fallback</p></noscript></body></html>`
	site := memSite{
		"https://ex.test/sub/s.css": {"text/css", "body{background:url(a.png)}"},
		"https://ex.test/sub/a.png": png(8),
		"https://ex.test/sub/j.js":  {"text/javascript", `var s = "</script>";`},
	}
	for _, keep := range []bool{false, true} {
		a, out, _ := assembleMem(t, Options{KeepScripts: keep}, "https://ex.test/", page, site)
		if a.top.root != nil {
			t.Fatal("the page was parsed as a tree; the test needs one the parser refuses")
		}
		if !strings.HasPrefix(out, `<!DOCTYPE html><meta charset="utf-8"/><meta http-equiv="Content-Security-Policy"`) {
			t.Errorf("the charset and the policy do not follow the doctype: %.200s", out)
		}
		if a.Title() != "Deep one" {
			t.Errorf("Title = %q", a.Title())
		}
		for _, want := range []string{
			`<style>body{background:url("data:image/png;base64,`, `<img src="data:image/png;base64,`,
			`href="https://ex.test/sub/next.html"`, `in a frame <img src=&#34;data:image/png;base64,`, strings.Repeat("<div>", 600),
		} {
			if !strings.Contains(out, want) {
				t.Errorf("keep scripts %v: %q not in the saved page", keep, want)
			}
		}
		for _, gone := range []string{`charset="iso-8859-1"`, "<link", "<base href", "b.png"} {
			if strings.Contains(out, gone) {
				t.Errorf("keep scripts %v: %q left in the saved page", keep, gone)
			}
		}
		if keep != strings.Contains(out, `<script>var s = "\u003C/script>";</script>`) {
			t.Errorf("keep scripts %v: script inlined = %v", keep, !keep)
		}
		if keep != strings.Contains(out, `onload="x()"`) {
			t.Errorf("keep scripts %v: event handler kept = %v", keep, !keep)
		}
		if keep == strings.Contains(out, "<p>fallback</p></body>") {
			t.Errorf("keep scripts %v: <noscript> content shown = %v", keep, !keep)
		}
	}
}
