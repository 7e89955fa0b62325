package page

import (
	"strings"

	"pagekeeper/engine/naming"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// normalize tidies a parsed document before anything is looked for in
// it: it notes <base href> (then neutralises it), resolves lazy loading,
// shows <noscript> when scripts go, removes scripts, what would make the
// saved page reach the network by itself (preloads, refresh) and what
// contradicts the saved page (its old charset and security policy), and
// keeps one candidate of each srcset and <picture>.
func (d *document) normalize() {
	if b := findFirst(d.root, func(n *html.Node) bool { return isHTML(n, atom.Base) && attrIndex(n, "href") >= 0 }); b != nil {
		if u, ok := resolve(d.url, attrVal(b, "href")); ok {
			d.base = u
		}
	}
	promoted := map[*html.Node]bool{}
	eachElement(d.root, func(n *html.Node) {
		if n.Namespace == "" && promoteLazy(n) {
			promoted[n] = true
		}
	})
	if !d.a.opts.KeepScripts {
		var noscripts []*html.Node
		eachElement(d.root, func(n *html.Node) {
			if isHTML(n, atom.Noscript) {
				noscripts = append(noscripts, n)
			}
		})
		for _, n := range noscripts {
			if duplicatesLazy(n, promoted) {
				remove(n)
			} else {
				unwrap(n)
			}
		}
	}
	eachElement(d.root, d.tidy)
}

// tidy is normalize's work on one element.
func (d *document) tidy(n *html.Node) {
	if isHTML(n, atom.Link) {
		// Before the event handlers go: some decide how the link applies.
		d.tidyLink(n)
		if n.Parent == nil {
			return
		}
	}
	if !d.a.opts.KeepScripts && removeScripting(n) {
		return
	}
	if n.Namespace != "" {
		return
	}
	switch n.DataAtom {
	case atom.Base:
		removeAttr(n, "href")
		if len(n.Attr) == 0 {
			remove(n)
		}
	case atom.Meta:
		if staleMeta(n) {
			remove(n)
		}
	case atom.Img:
		if n.Parent == nil || !isHTML(n.Parent, atom.Picture) {
			desktop.chooseImg(n)
		}
	case atom.Source:
		if n.Parent == nil || !isHTML(n.Parent, atom.Picture) && !isHTML(n.Parent, atom.Video) && !isHTML(n.Parent, atom.Audio) {
			remove(n) // a source outside picture, video and audio does nothing
		}
	case atom.Picture:
		desktop.choosePicture(n)
	case atom.Video, atom.Audio:
		chooseMediaSource(n)
	case atom.A, atom.Area:
		removeAttr(n, "ping") // a request on every click
	}
}

// staleMeta reports whether a <meta> contradicts the saved page (its old
// encoding or security policy) or would leave it (refresh).
func staleMeta(n *html.Node) bool {
	if _, ok := attr(n, "charset"); ok {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(attrVal(n, "http-equiv"))) {
	case "content-type", "content-security-policy", "content-security-policy-report-only", "refresh", "set-cookie", "x-dns-prefetch-control":
		return true
	}
	return false
}

// linksThatFetch are link types that make the browser fetch something by
// itself that the saved page cannot offer, or connect somewhere.
var linksThatFetch = []string{"prefetch", "preconnect", "dns-prefetch", "modulepreload", "prerender", "manifest", "import", "preload"}

func (d *document) tidyLink(n *html.Node) {
	rel := relTokens(n)
	if rel["preload"] && strings.EqualFold(attrVal(n, "as"), "style") && strings.Contains(attrVal(n, "onload"), "stylesheet") {
		// loadCSS: a preload its onload turns into a stylesheet.
		setAttr(n, "rel", "stylesheet")
		removeAttr(n, "as")
		removeAttr(n, "onload")
		return
	}
	for _, t := range linksThatFetch {
		if rel[t] {
			remove(n)
			return
		}
	}
	if rel["stylesheet"] && !d.a.opts.KeepScripts {
		// <link media=print onload="this.media='all'">: loads the sheet
		// without blocking, then applies it; with scripts gone it would
		// never apply.
		if m, ok := onloadMedia(attrVal(n, "onload")); ok {
			if m == "all" {
				removeAttr(n, "media")
			} else {
				setAttr(n, "media", m)
			}
		}
	}
}

// onloadMedia finds "this.media='x'" in an onload handler.
func onloadMedia(js string) (string, bool) {
	i := strings.Index(js, "media")
	if i < 0 {
		return "", false
	}
	rest := strings.TrimLeft(js[i+len("media"):], " ")
	if !strings.HasPrefix(rest, "=") {
		return "", false
	}
	rest = strings.TrimLeft(rest[1:], " ")
	if rest == "" || (rest[0] != '\'' && rest[0] != '"') {
		return "", false
	}
	end := strings.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return "", false
	}
	return strings.TrimSpace(rest[1 : 1+end]), true
}

// removeScripting takes scripting out of n: event handler attributes,
// and n itself when it is a script that would run. It reports whether n
// was removed.
func removeScripting(n *html.Node) bool {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if len(a.Key) > 2 && strings.EqualFold(a.Key[:2], "on") {
			continue
		}
		kept = append(kept, a)
	}
	n.Attr = kept
	if (isHTML(n, atom.Script) && executable(n)) || isSVG(n, "script") {
		remove(n)
		return true
	}
	return false
}

// jsTypes are the types HTML runs as classic scripts.
var jsTypes = map[string]bool{
	"text/javascript": true, "application/javascript": true, "application/ecmascript": true,
	"application/x-ecmascript": true, "application/x-javascript": true, "text/ecmascript": true,
	"text/javascript1.0": true, "text/javascript1.1": true, "text/javascript1.2": true,
	"text/javascript1.3": true, "text/javascript1.4": true, "text/javascript1.5": true,
	"text/jscript": true, "text/livescript": true, "text/x-ecmascript": true, "text/x-javascript": true,
}

// executable reports whether a <script> runs (rather than holding data
// such as JSON-LD or a template).
func executable(n *html.Node) bool {
	t, ok := attr(n, "type")
	if !ok || strings.TrimSpace(t) == "" {
		return true
	}
	t = strings.ToLower(strings.TrimSpace(t))
	return jsTypes[naming.MediaType(t)] || t == "module" || t == "importmap" || t == "speculationrules"
}

// classicScript reports whether a <script> runs as a classic script
// (not a module, import map or speculation rules).
func classicScript(n *html.Node) bool {
	t, ok := attr(n, "type")
	if !ok || strings.TrimSpace(t) == "" {
		return true
	}
	return jsTypes[naming.MediaType(t)]
}

// duplicatesLazy reports whether a <noscript> is the fallback of a lazy
// image just before it that has been promoted: showing both would show
// the image twice.
func duplicatesLazy(ns *html.Node, promoted map[*html.Node]bool) bool {
	if findFirst(ns, func(n *html.Node) bool { return isHTML(n, atom.Img) }) == nil {
		return false
	}
	prev := ns.PrevSibling
	for prev != nil && (prev.Type == html.CommentNode || prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "") {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode {
		return false
	}
	return findFirst(prev, func(n *html.Node) bool { return promoted[n] }) != nil
}
