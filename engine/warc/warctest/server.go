package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
)

// Site is a small web site on loopback for recording tests.
type Site struct {
	*httptest.Server
	// Bodies is what each path sends as its body, byte for byte as it
	// goes over the wire (the gzip path's compressed bytes).
	Bodies map[string][]byte
}

// Paths of the test site.
const (
	PagePath     = "/page.html"       // HTML page with a title, text and two images
	ImagePath    = "/images/red.png"  // a PNG image
	SameImage    = "/images/copy.png" // the same PNG bytes at another address
	GzipPath     = "/style.css"       // sent gzip-compressed
	ChunkedPath  = "/chunked.txt"     // sent chunked, in several flushes
	MissingPath  = "/missing"         // a 404 with a body
	RedirectPath = "/old-page"        // a 302 to PagePath
)

// PageText is text the page shows; replay checks find it.
const PageText = "Pagekeeper keeps this sentence for years."

// PageTitle is the page's title.
const PageTitle = "A page worth keeping"

// NewSite starts the site; close it with Close.
func NewSite() *Site {
	s := &Site{Bodies: map[string][]byte{}}
	img := redPNG()
	page := []byte(fmt.Sprintf(`<!doctype html>
<html><head><meta charset="utf-8"><title>%s</title><link rel="stylesheet" href="%s"></head>
<body><h1>%s</h1><p id="text">%s</p>
<img id="one" src="%s" width="120" height="80" alt="first">
<img id="two" src="%s" width="120" height="80" alt="second">
</body></html>`, PageTitle, GzipPath, PageTitle, PageText, ImagePath, SameImage))
	css := []byte("body { font-family: sans-serif; background: #fffbe6; } h1 { color: #0a4; }\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(css)
	zw.Close()
	chunks := [][]byte{[]byte("first part\n"), []byte("second part\n"), []byte("third part\n")}
	missing := []byte("<!doctype html><title>Not here</title><p>Nothing at this address.</p>")

	s.Bodies[PagePath] = page
	s.Bodies[ImagePath] = img
	s.Bodies[SameImage] = img
	s.Bodies[GzipPath] = gz.Bytes()
	s.Bodies[ChunkedPath] = bytes.Join(chunks, nil)
	s.Bodies[MissingPath] = missing

	mux := http.NewServeMux()
	mux.HandleFunc(PagePath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	for _, p := range []string{ImagePath, SameImage} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Write(img)
		})
	}
	mux.HandleFunc(GzipPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		w.Write(gz.Bytes())
	})
	mux.HandleFunc(ChunkedPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for _, c := range chunks {
			w.Write(c)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc(MissingPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		w.Write(missing)
	})
	mux.HandleFunc(RedirectPath, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, PagePath, http.StatusFound)
	})
	s.Server = httptest.NewServer(mux)
	return s
}

// redPNG is a 120x80 PNG: red with a blue band, easy to spot on a
// screenshot.
func redPNG() []byte {
	m := image.NewRGBA(image.Rect(0, 0, 120, 80))
	for y := 0; y < 80; y++ {
		for x := 0; x < 120; x++ {
			c := color.RGBA{220, 30, 30, 255}
			if y >= 30 && y < 50 {
				c = color.RGBA{30, 60, 220, 255}
			}
			m.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, m)
	return b.Bytes()
}
