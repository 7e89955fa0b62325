package page

import (
	"net/url"
	"strings"

	"pagekeeper/engine/naming"
)

// sheet is a fetched stylesheet, decoded.
type sheet struct {
	base *url.URL
	text string
}

// parseSheet decodes a stylesheet that arrived and asks for what it needs.
func (a *Assembler) parseSheet(res *resource) {
	b, ok := a.readAll(res)
	if !ok {
		return
	}
	if t := naming.MediaType(res.r.ContentType); t == "text/html" || strings.HasPrefix(t, "image/") {
		// An error page or an image where CSS was asked for: the browser
		// ignores it, so the page does too.
		return
	}
	base, err := url.Parse(res.r.FinalURL)
	if err != nil || res.r.FinalURL == "" {
		base, _ = url.Parse(res.key)
	}
	res.sheet = &sheet{base: base, text: decodeCSS(b, res.r.ContentType, res.docCharset)}
	a.discoverSheet(res)
}

// discoverSheet asks for what a parsed stylesheet refers to.
func (a *Assembler) discoverSheet(res *resource) {
	d := a.top
	rewriteCSS(res.sheet.text, false, &discoverHooks{
		d: d, base: res.sheet.base, referrer: urlString(res.sheet.base), charset: res.docCharset,
		depth: res.importDepth, chain: res.chain,
	})
}
