package page

import (
	"strings"

	"pagekeeper/engine/naming"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chooseCandidate is the index of the candidate a browser at v picks, as
// Chromium does: each candidate's density (its x descriptor, or its w
// descriptor over the source size from sizes), duplicates of a density
// dropped, then the smallest density at or above the device pixel ratio,
// or the largest when none reaches it. -1 when there is none.
func (v viewport) chooseCandidate(cs []candidate, sizes string) int {
	if len(cs) == 0 {
		return -1
	}
	size := 0.0
	density := func(c candidate) float64 {
		switch {
		case c.width > 0:
			if size == 0 {
				size = v.sourceSize(sizes)
			}
			if size <= 0 {
				return float64(c.width)
			}
			return float64(c.width) / size
		case c.density > 0 || c.desc != "":
			return c.density
		}
		return 1
	}
	best, bestD := -1, 0.0
	largest, largestD := -1, 0.0
	seen := map[float64]bool{}
	for i, c := range cs {
		d := density(c)
		if seen[d] {
			continue // a repeated density: the first one counts
		}
		seen[d] = true
		if d >= v.dpr && (best < 0 || d < bestD) {
			best, bestD = i, d
		}
		if largest < 0 || d > largestD {
			largest, largestD = i, d
		}
	}
	if best >= 0 {
		return best
	}
	return largest
}

// chooseImg keeps, of an <img>'s src and srcset, only the candidate the
// browser picks, so only that one is fetched. A src chosen alone stays as
// src; a srcset candidate stays as a one-candidate srcset with its
// descriptor (with sizes, it keeps the layout size the live page has).
func (v viewport) chooseImg(img *html.Node) {
	cs := parseSrcset(attrVal(img, "srcset"))
	if len(cs) == 0 {
		removeAttr(img, "srcset")
		return
	}
	src := strings.TrimSpace(attrVal(img, "src"))
	srcIsCandidate := src != "" && !hasDensityOne(cs)
	if srcIsCandidate {
		cs = append(cs, candidate{url: src, density: 1, desc: "1x"})
	}
	i := v.chooseCandidate(cs, attrVal(img, "sizes"))
	if srcIsCandidate && i == len(cs)-1 || cs[i].width == 0 && (cs[i].density == 1 || cs[i].desc == "") {
		// A 1x candidate is what src means: keep it as src.
		setAttr(img, "src", cs[i].url)
		removeAttr(img, "srcset")
		removeAttr(img, "sizes")
		return
	}
	setAttr(img, "srcset", formatSrcset(cs[i:i+1]))
	removeAttr(img, "src")
}

// hasDensityOne reports whether the candidates include a 1x one or any
// width descriptor, in which case src is not a candidate.
func hasDensityOne(cs []candidate) bool {
	for _, c := range cs {
		if c.width > 0 || c.density == 1 {
			return true
		}
	}
	return false
}

// choosePicture keeps, of a <picture>'s sources, only the one the browser
// picks at v (the first whose media matches, whose type it shows and
// whose srcset has a candidate), as the only candidate left, with no
// media so it applies at any width. When no source fits, the <img>
// decides alone.
func (v viewport) choosePicture(pic *html.Node) {
	var chosen *html.Node
	var sources []*html.Node
	var img *html.Node
	for c := pic.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case isHTML(c, atom.Source):
			sources = append(sources, c)
			if chosen == nil && img == nil && v.sourceFits(c) {
				chosen = c
			}
		case isHTML(c, atom.Img) && img == nil:
			img = c
		}
	}
	for _, s := range sources {
		if s != chosen {
			remove(s)
		}
	}
	if chosen == nil {
		if img != nil {
			v.chooseImg(img)
		}
		return
	}
	cs := parseSrcset(attrVal(chosen, "srcset"))
	i := v.chooseCandidate(cs, attrVal(chosen, "sizes"))
	setAttr(chosen, "srcset", formatSrcset(cs[i:i+1]))
	removeAttr(chosen, "media")
	if img != nil {
		// The source decides; the img's own src and srcset would only be
		// fetched for nothing.
		removeAttr(img, "srcset")
		removeAttr(img, "src")
	}
}

func (v viewport) sourceFits(s *html.Node) bool {
	if m, ok := attr(s, "media"); ok && !v.matchMedia(m) {
		return false
	}
	if t, ok := attr(s, "type"); ok && strings.TrimSpace(t) != "" && !imageTypes[naming.MediaType(t)] {
		return false
	}
	return len(parseSrcset(attrVal(s, "srcset"))) > 0
}

// imageTypes are the image types Chromium shows (JPEG XL since 145).
var imageTypes = map[string]bool{
	"image/png": true, "image/jpeg": true, "image/jpg": true, "image/pjpeg": true, "image/gif": true,
	"image/webp": true, "image/avif": true, "image/svg+xml": true, "image/bmp": true, "image/x-icon": true,
	"image/vnd.microsoft.icon": true, "image/apng": true, "image/jxl": true,
}

// playableTypes are the audio and video types Chromium plays.
var playableTypes = map[string]bool{
	"video/mp4": true, "video/webm": true, "video/ogg": true, "audio/mpeg": true, "audio/mp3": true,
	"audio/ogg": true, "audio/wav": true, "audio/wave": true, "audio/x-wav": true, "audio/webm": true,
	"audio/mp4": true, "audio/aac": true, "audio/flac": true, "audio/x-m4a": true, "application/ogg": true,
}

// chooseMediaSource keeps, of a <video>'s or <audio>'s <source>
// elements, only the first the browser would play; with a src attribute
// the sources are never used, so none is kept.
func chooseMediaSource(m *html.Node) {
	_, hasSrc := attr(m, "src")
	var chosen *html.Node
	for c := m.FirstChild; c != nil; {
		next := c.NextSibling
		if isHTML(c, atom.Source) {
			t := strings.TrimSpace(attrVal(c, "type"))
			if !hasSrc && chosen == nil && strings.TrimSpace(attrVal(c, "src")) != "" && (t == "" || playableTypes[naming.MediaType(t)]) {
				chosen = c
			} else {
				remove(c)
			}
		}
		c = next
	}
}
