package pagetest

// Page is one page of the site.
type Page struct {
	// Path is the page's path, such as "/imports.html".
	Path string
	// Shows is what a person sees on it, for test messages.
	Shows string
	// NeedsScripts is set when the page looks right only with scripts
	// kept (what it shows is written by a script).
	NeedsScripts bool
	// Missing are the paths of the resources a page saved with PageLimit
	// lists as missing: those that answer 404 and those over the limit.
	Missing []string
}

// Pages are the site's test pages, each drawn to show one thing.
func Pages() []Page {
	return []Page{
		{Path: "/imports.html", Shows: "blocks coloured by @import three deep, with media, supports and layer; a print-only import must not apply"},
		{Path: "/fonts.html", Shows: "large text in Go Regular and Go Mono Bold web fonts; the first font source is missing",
			Missing: []string{"/fonts/missing.woff2"}},
		{Path: "/images.html", Shows: "srcset, sizes, picture, input image, video poster, CSS backgrounds, SVG image and use"},
		{Path: "/frames.html", Shows: "an iframe with its own stylesheet and a nested iframe, a srcdoc iframe and a quirks-mode iframe"},
		{Path: "/frameset.html", Shows: "a frameset of two frames, one with a nested iframe"},
		{Path: "/base.html", Shows: "a page whose <base href> points into /assets/deep/"},
		{Path: "/lazy.html", Shows: "lazy images (data-src, data-srcset, data-bg, loading=lazy) that a script loads"},
		{Path: "/latin1.html", Shows: "windows-1252 text without any declared charset, in the page and its stylesheet"},
		{Path: "/sjis.html", Shows: "Japanese text in Shift_JIS, declared by a <meta> only"},
		{Path: "/missing.html", Shows: "a 404 stylesheet, image and background, and an image over the page limit",
			Missing: []string{"/css/nothing.css", "/img/nothing.png", "/img/gone.png", "/img/huge.png"}},
		{Path: "/script.html", Shows: "a script holding \"</script>\" and \"<!--\" in strings colours a box", NeedsScripts: true},
		{Path: "/sprites.html", Shows: "one sprite sheet shown 100 times through style attributes"},
		{Path: "/typical.html", Shows: "an article with a web font, images, a figure with srcset, an SVG icon and a sidebar"},
		{Path: "/deep.html", Shows: "content nested 600 elements deep, past what the HTML parser accepts"},
	}
}

// BigPath is a page with BigImages images of BigImageSize bytes each
// (150 MB in all), for memory tests. Its images are random bytes served
// as PNG: browsers show them as broken, which does not matter there.
const (
	BigPath      = "/big.html"
	BigImages    = 30
	BigImageSize = 5 << 20
)

// SpritePath is the page that shows the sprite sheet 100 times; Sprite is
// the sheet's path.
const (
	SpritePath = "/sprites.html"
	Sprite     = "/img/sprite.png"
)
