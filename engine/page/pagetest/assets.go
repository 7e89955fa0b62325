package pagetest

import (
	"fmt"
	"image/color"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

type asset struct {
	ctype string
	body  []byte
}

const (
	htmlType = "text/html; charset=utf-8"
	cssType  = "text/css; charset=utf-8"
	jsType   = "text/javascript; charset=utf-8"
	pngType  = "image/png"
)

var (
	assetsOnce sync.Once
	assetTable map[string]asset
)

// assets is every file of the site by path, built once.
func assets() map[string]asset {
	assetsOnce.Do(func() {
		t := map[string]asset{}
		text := func(path, ctype, body string) { t[path] = asset{ctype, []byte(body)} }
		img := func(path string, w, h int, bg, fg color.RGBA, kind string) {
			t[path] = asset{pngType, shape(w, h, bg, fg, kind)}
		}
		for path, body := range htmlPages {
			text(path, htmlType, body)
		}
		for path, body := range stylesheets {
			text(path, cssType, body)
		}
		text("/js/writer.js", jsType, writerJS)
		text("/img/icons.svg", "image/svg+xml", iconsSVG)
		t["/fonts/goregular.ttf"] = asset{"font/ttf", goregular.TTF}
		t["/fonts/gomonobold.ttf"] = asset{"font/ttf", gomonobold.TTF}

		img("/img/circle-red.png", 100, 100, white, red, "circle")
		img("/img/circle-red-2x.png", 200, 200, white, purple, "circle")
		img("/img/circle-green.png", 100, 100, yellow, green, "circle")
		img("/img/triangle-yellow.png", 80, 80, blue, yellow, "triangle")
		img("/img/square-white.png", 60, 60, purple, white, "square")
		img("/img/checker-pink.png", 40, 40, white, pink, "checker")
		img("/img/stripes-blue.png", 32, 32, white, blue, "stripes")
		img("/img/cross-teal.png", 70, 70, white, teal, "cross")
		img("/img/poster.png", 160, 90, black, orange, "triangle")
		img("/img/favicon.png", 32, 32, red, white, "cross")
		img("/favicon.ico", 16, 16, green, white, "square")
		// Candidates that differ in colour, so a wrong choice shows.
		img("/img/tri-200.png", 200, 200, white, green, "triangle")
		img("/img/tri-400.png", 400, 400, white, blue, "triangle")
		img("/img/tri-800.png", 800, 800, white, red, "triangle")
		img("/img/square-heic.png", 120, 120, white, purple, "square")
		img("/img/square-narrow.png", 120, 120, white, red, "square")
		img("/img/square-wide.png", 120, 120, white, green, "square")
		img("/img/square-wide-2x.png", 240, 240, white, blue, "square")
		img("/img/square-fallback.png", 120, 120, white, yellow, "square")
		img("/img/photo-1.png", 300, 180, blue, yellow, "circle")
		img("/img/photo-2.png", 300, 180, green, white, "triangle")
		img("/img/photo-3.png", 300, 180, orange, black, "cross")
		img("/img/photo-4.png", 300, 180, purple, pink, "checker")
		img("/img/hero-600.png", 600, 240, teal, white, "stripes")
		img("/img/hero-1200.png", 1200, 480, red, white, "stripes")
		img("/assets/deep/pic.png", 100, 100, white, purple, "circle")
		img("/assets/deep/bg.png", 40, 40, yellow, black, "checker")
		t[Sprite] = asset{pngType, spriteSheet()}
		t["/img/huge.png"] = asset{pngType, noise(1000, 700)}

		latin1HTML, _ := charmap.Windows1252.NewEncoder().String(latin1Page)
		t["/latin1.html"] = asset{"text/html", []byte(latin1HTML)}
		latin1CSS, _ := charmap.Windows1252.NewEncoder().String(latin1Sheet)
		t["/css/latin1.css"] = asset{"text/css", []byte(latin1CSS)}

		sjisHTML, _ := japanese.ShiftJIS.NewEncoder().String(sjisPage)
		t["/sjis.html"] = asset{"text/html", []byte(sjisHTML)}

		t[SpritePath] = asset{htmlType, []byte(spritesPage())}
		t["/deep.html"] = asset{htmlType, []byte(deepPage())}
		t[BigPath] = asset{htmlType, []byte(bigPage())}
		assetTable = t
	})
	return assetTable
}

// bigImage reports whether path is one of big.html's images, and which.
func bigImage(path string) (int, bool) {
	s, ok := strings.CutPrefix(path, "/big/")
	if !ok {
		return 0, false
	}
	s, ok = strings.CutSuffix(s, ".png")
	n, err := strconv.Atoi(s)
	return n, ok && err == nil && n >= 0 && n < BigImages
}

// serveBig streams one of big.html's images, never holding it whole.
func serveBig(w http.ResponseWriter, n int) {
	w.Header().Set("Content-Type", pngType)
	w.Header().Set("Content-Length", strconv.Itoa(BigImageSize))
	chunk := make([]byte, 64<<10)
	for i := range chunk {
		chunk[i] = byte(i*31 + n*7)
	}
	for sent := 0; sent < BigImageSize; sent += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), BigImageSize-sent)]); err != nil {
			return
		}
	}
}

func bigPage() string {
	var b strings.Builder
	b.WriteString("<!doctype html><title>Big</title><body>\n")
	for i := range BigImages {
		fmt.Fprintf(&b, "<img src=\"big/%d.png\" width=\"10\" height=\"10\">\n", i)
	}
	return b.String()
}

func spritesPage() string {
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html><head><title>Sprites</title>
<style>
body{margin:0;padding:10px;font:16px sans-serif}
.grid{width:420px;line-height:0}
.grid span{display:inline-block;width:16px;height:16px;margin:2px 4px 2px 0}
.head{width:160px;height:16px;background:url(img/sprite.png) 0 -48px;margin-bottom:8px}
</style></head><body>
<div class="head"></div>
<div class="grid">
`)
	for i := range SpriteCells * SpriteCells {
		x, y := (i%SpriteCells)*SpriteCell, (i/SpriteCells)*SpriteCell
		fmt.Fprintf(&b, "<span style=\"background:url(img/sprite.png) -%dpx -%dpx\"></span>", x, y)
		if i%20 == 19 {
			b.WriteString("\n")
		}
	}
	b.WriteString("</div></body></html>\n")
	return b.String()
}

// deepPage nests its content 600 elements deep: x/net/html refuses more
// than 512, browsers flatten what is deeper and go on.
func deepPage() string {
	const depth = 600
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Deep</title><link rel="stylesheet" href="css/deep.css"></head><body>
<h1>Deep page</h1><img src="img/circle-green.png" alt="top">
`)
	b.WriteString(strings.Repeat("<div class=\"d\">", depth))
	b.WriteString(`<p class="inner">600 levels down <img src="img/triangle-yellow.png" alt="deep"></p>`)
	b.WriteString(strings.Repeat("</div>", depth))
	b.WriteString("\n<p class=\"after\">after the deep part</p></body></html>\n")
	return b.String()
}

var stylesheets = map[string]string{
	"/css/main.css": `@charset "utf-8";
@import url("imp/one.css") screen;
@import "imp/print.css" print;
@import url(imp/layer.css) layer(base);
body{margin:0;padding:8px;font:20px sans-serif}
div{width:320px;height:80px;margin:0 0 8px;color:#fff;padding:6px;box-sizing:border-box}
.b0{background:#333 url(../img/circle-red.png) no-repeat right center}
.bp{background:#eee;color:#333}
.bl{background-color:#ccc;color:#333}
`,
	"/css/imp/one.css": `@import url(deeper/two.css) (min-width: 600px);
.b1{background:#2a6 url(../../img/triangle-yellow.png) no-repeat right center}
`,
	"/css/imp/deeper/two.css": `@import "three.css" supports(display: grid);
.b2{background:#26c url(../../../img/square-white.png) no-repeat right center}
@import url(never.css);
`,
	"/css/imp/deeper/three.css": `@import url(../../main.css);
.b3{background:#a3c url('../../../img/checker-pink.png') repeat-y right top;display:grid}
`,
	"/css/imp/deeper/never.css": `.b2{background:red !important}`,
	"/css/imp/print.css":        `.bp{background:red !important}`,
	"/css/imp/layer.css":        `div.bl{background:orange}.bl{border-left:24px solid #639}`,

	"/css/fonts.css": `@font-face{font-family:"GoMonoPK";font-weight:bold;src:url("../fonts/gomonobold.ttf")}
.mono{font:bold 40px "GoMonoPK",serif;color:#930}
`,
	"/css/images.css": `body{margin:0;padding:8px;font:16px sans-serif}
img,input,video,svg,div{vertical-align:top;margin:4px}
.bgfile{display:inline-block;width:120px;height:60px;background:#eee url(../img/checker-pink.png)}
`,
	"/css/frame.css": `body{background:#1a9 url(../img/stripes-blue.png) repeat-y right top;color:#fff;font:18px sans-serif;margin:6px}`,
	"/assets/deep/base.css": `body{background:#fdd;font:18px sans-serif}
.box{width:200px;height:100px;background:url(bg.png)}
`,
	"/css/deep.css": `body{margin:0;padding:8px;font:18px sans-serif;background:#eef}
.d{padding:0}
.inner{background:#fc6;padding:10px;width:300px}
.after{color:#063;font-weight:bold}
`,
	"/css/typical.css": `@import url(fonts.css);
@font-face{font-family:"GoPK";src:url(../fonts/goregular.ttf) format("truetype")}
body{margin:0;font:17px/1.45 "GoPK",sans-serif;color:#222;background:#fafafa}
header{background:#234;color:#fff;padding:12px 20px;display:flex;align-items:center;gap:12px}
header svg{width:40px;height:40px}
nav a{color:#9cf;margin-right:14px}
main{display:flex;gap:24px;padding:20px;max-width:1100px}
article{flex:1}
aside{width:240px;background:#eee url(../img/stripes-blue.png) repeat-x bottom;padding:12px;min-height:300px}
figure{margin:0 0 12px}
figure img{width:100%;height:auto}
.photos img{width:140px;height:84px;margin:0 6px 6px 0}
footer{padding:12px 20px;background:#ddd;font-size:14px}
`,
}

var htmlPages = map[string]string{
	"/imports.html": `<!doctype html>
<html><head><title>Nested imports</title>
<link rel="stylesheet" href="css/main.css" media="screen">
</head><body>
<div class="b0">main.css</div>
<div class="b1">one.css (screen)</div>
<div class="b2">two.css (min-width)</div>
<div class="b3">three.css (supports)</div>
<div class="bp">print.css must not apply</div>
<div class="bl">layer(base)</div>
</body></html>
`,
	"/fonts.html": `<!doctype html>
<html><head><title>Fonts</title>
<style>
@font-face{font-family:"GoPK";src:local("NoSuchFontPK"),url(fonts/missing.woff2) format("woff2"),url(fonts/goregular.ttf) format("truetype")}
body{margin:0;padding:10px}
h1{font:60px "GoPK",serif;color:#036;margin:0 0 10px}
</style>
<link rel="stylesheet" href="css/fonts.css">
</head><body>
<h1>Go Regular web font</h1>
<p class="mono">Go Mono Bold 0123</p>
<p style="font:28px GoPK,serif">The quick brown fox jumps over the lazy dog</p>
</body></html>
`,
	"/images.html": `<!doctype html>
<html><head><title>Images</title>
<link rel="icon" href="img/favicon.png">
<link rel="stylesheet" href="css/images.css">
</head><body>
<img src="img/circle-red.png" srcset="img/circle-red.png 1x, img/circle-red-2x.png 2x" width="100" height="100" alt="x descriptors">
<img srcset="img/tri-200.png 200w, img/tri-400.png 400w, img/tri-800.png 800w" sizes="(max-width: 600px) 100vw, 200px" alt="w descriptors">
<picture>
<source srcset="img/square-heic.png" type="image/heic">
<source media="(max-width: 700px)" srcset="img/square-narrow.png">
<source media="(min-width: 701px)" srcset="img/square-wide.png 1x, img/square-wide-2x.png 2x">
<img src="img/square-fallback.png" width="120" height="120" alt="picture">
</picture>
<input type="image" src="img/cross-teal.png" alt="input image">
<video poster="img/poster.png" width="160" height="90"></video>
<div class="bgfile"></div>
<div style="display:inline-block;background:url('img/stripes-blue.png');width:120px;height:60px"></div>
<br>
<svg width="220" height="110" xmlns:xlink="http://www.w3.org/1999/xlink"><image href="img/checker-pink.png" x="0" y="0" width="100" height="100"/><image xlink:href="img/circle-green.png" x="110" y="0" width="100" height="100"/></svg>
<svg width="220" height="110" xmlns:xlink="http://www.w3.org/1999/xlink"><use href="img/icons.svg#star" width="100" height="100"/><use xlink:href="img/icons.svg#dot" x="110" width="100" height="100"/></svg>
</body></html>
`,
	"/frames.html": `<!doctype html>
<html><head><title>Frames</title>
<style>body{margin:0;padding:8px}iframe{border:4px solid #333;width:420px;height:280px;vertical-align:top}</style>
</head><body>
<iframe src="frames/inner.html"></iframe>
<iframe srcdoc="<body style='margin:0;background:#fe9'><p style='font:22px sans-serif'>srcdoc &amp; frame</p><img src='img/circle-green.png' width='80'></body>"></iframe>
<iframe src="frames/quirks.html"></iframe>
</body></html>
`,
	"/frames/inner.html": `<!doctype html>
<html><head><title>Inner</title><link rel="stylesheet" href="../css/frame.css"></head>
<body><h2>Inner frame</h2><img src="../img/triangle-yellow.png" width="60">
<iframe src="deep.html" style="width:220px;height:110px;border:2px solid #fff"></iframe>
</body></html>
`,
	"/frames/deep.html": `<!doctype html><html><body style="background:#9cf;margin:0;font:16px sans-serif;color:#000"><img src="../img/square-white.png" width="40"> nested frame</body></html>
`,
	"/frames/quirks.html": `<html><head><title>Quirks</title></head><body style="margin:0;background:#eee">
<div style="height:50%;background:#c60 url(../img/cross-teal.png) no-repeat center;font:20px sans-serif">quirks mode: half the frame</div>
</body></html>
`,
	"/frameset.html": `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN" "http://www.w3.org/TR/html4/frameset.dtd">
<html><head><title>Frameset</title></head>
<frameset cols="40%,*"><frame src="frames/inner.html"><frame src="frames/deep.html"></frameset>
</html>
`,
	"/frames/loop.html": `<!doctype html><html><body><p>loop</p><iframe src="loop.html"></iframe></body></html>
`,
	"/base.html": `<!doctype html>
<html><head><base href="/assets/deep/"><title>Base</title>
<link rel="stylesheet" href="base.css"></head>
<body><img src="pic.png" alt="pic"> <a href="other.html">relative link</a> <a href="#frag">fragment</a>
<div class="box"></div></body></html>
`,
	"/lazy.html": `<!doctype html>
<html><head><title>Lazy</title>
<style>body{margin:0;padding:8px}img{width:120px;height:120px;margin:4px;vertical-align:top}.lazyload{opacity:0}.lazyloaded{opacity:1}
.bg{display:inline-block;width:120px;height:60px;margin:4px}</style>
</head><body>
<img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="img/circle-red.png" alt="data-src">
<noscript><img src="img/circle-red.png" alt="fallback"></noscript>
<img loading="lazy" src="img/triangle-yellow.png" alt="loading=lazy">
<img class="lazyload" data-srcset="img/square-white.png 1x, img/square-wide-2x.png 2x" alt="data-srcset">
<div class="bg lazyload" data-bg="img/stripes-blue.png"></div>
<script>
document.querySelectorAll('[data-src],[data-srcset],[data-bg]').forEach(function (el) {
  if (el.dataset.srcset) el.srcset = el.dataset.srcset;
  if (el.dataset.src) el.src = el.dataset.src;
  if (el.dataset.bg) el.style.backgroundImage = 'url(' + el.dataset.bg + ')';
  el.classList.replace('lazyload', 'lazyloaded');
});
</script>
</body></html>
`,
	"/missing.html": `<!doctype html>
<html><head><title>Missing</title>
<link rel="stylesheet" href="css/nothing.css">
<style>body{margin:0;padding:8px;font:16px sans-serif}.gone{display:inline-block;width:100px;height:100px;background:#ddd url(img/gone.png)}img{vertical-align:top;margin:4px}</style>
</head><body>
<img src="img/nothing.png" alt="404 image" width="100" height="100">
<div class="gone"></div>
<img src="img/huge.png" width="300" height="200" alt="too large">
<img src="img/circle-green.png" alt="present">
</body></html>
`,
	"/script.html": `<!doctype html>
<html><head><title>Script</title></head><body style="margin:0;padding:8px">
<div id="out" style="font:32px sans-serif">waiting</div>
<div id="box" style="width:200px;height:100px;background:#ccc"></div>
<script src="js/writer.js"></script>
<noscript><p style="font:24px sans-serif;color:#900">Scripts are off</p></noscript>
</body></html>
`,
	"/typical.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A typical article</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="css/typical.css">
<link rel="icon" href="img/favicon.png">
</head><body>
<header><svg><use href="img/icons.svg#star"/></svg><strong>The Daily Test</strong>
<nav><a href="/">Home</a><a href="news/">News</a><a href="https://example.org/about">About</a></nav></header>
<main><article>
<h1>Saving the web, one page at a time</h1>
<p class="mono">By the Pagekeeper team</p>
<figure><img src="img/hero-600.png" srcset="img/hero-600.png 600w, img/hero-1200.png 1200w" sizes="(min-width: 1000px) 600px, 100vw" alt="hero"></figure>
<p>Pages change and disappear. A complete page keeps its styles, images, fonts and frames in one file that opens years later, with the network off, and looks the same.</p>
<div class="photos"><img src="img/photo-1.png" alt=""><img src="img/photo-2.png" alt=""><img src="img/photo-3.png" alt=""><img src="img/photo-4.png" alt=""></div>
<p>Every resource is fetched once, inlined once, and the file is written as a stream, so even a page with a hundred megabytes of pictures needs little memory.</p>
</article>
<aside><h3>Related</h3><p><a href="related/one.html">One</a></p><p><a href="related/two.html">Two</a></p></aside>
</main>
<footer>Kept by Pagekeeper</footer>
</body></html>
`,
}

const writerJS = `// This script holds sequences that would end or confuse a <script>
// element if it were pasted inline without care.
var closing = "</script><b>not markup</b>";
var comment = "<!-- not a comment --> <script>";
document.getElementById('out').textContent = 'script ran: ' + closing.length + ' ' + comment.length;
document.getElementById('box').style.background = '#3a5';
`

const iconsSVG = `<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#f60"/><stop offset="1" stop-color="#06f"/></linearGradient></defs>
<symbol id="star" viewBox="0 0 100 100"><polygon points="50,5 61,40 98,40 68,62 79,96 50,75 21,96 32,62 2,40 39,40" fill="url(#g)"/></symbol>
<symbol id="dot" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#2a2"/><use href="#ring"/></symbol>
<symbol id="ring" viewBox="0 0 10 10"><circle cx="5" cy="5" r="2" fill="none" stroke="#fff" stroke-width="1"/></symbol>
</svg>
`

// sjisPage is served in Shift_JIS, declared only by its <meta>.
const sjisPage = `<!doctype html>
<html><head><meta charset="Shift_JIS"><title>日本語のページ</title>
<style>body{margin:0;padding:10px;font:32px sans-serif;background:#eef8ff}</style></head>
<body><h1>日本語のページ</h1><p>Shift_JIS: 東京・大阪・ｶﾀｶﾅ ― “引用”</p></body></html>
`

// latin1Page and latin1Sheet are served encoded in windows-1252 with no
// charset anywhere.
const latin1Page = `<!doctype html>
<html><head><title>Café crème</title><link rel="stylesheet" href="css/latin1.css"></head>
<body><h1>Café crème brûlée</h1><p>“Quotes” – 5 € – Grüße – naïve</p></body></html>
`

const latin1Sheet = `body{margin:0;padding:10px;font:36px serif;background:#ffe}
h1::after{content:" — é";color:#a00}
`
