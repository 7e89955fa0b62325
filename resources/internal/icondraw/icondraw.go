// Package icondraw draws the Pagekeeper application icon.
//
// It is shared by the icongen command, which writes resources/icon.png, and by
// the resources tests, which check that the committed PNG still matches what
// this code draws. Only the standard library is used.
//
// The drawing is deterministic on every platform: shapes are tested at
// sample points whose coordinates are small multiples of 1/8, so every
// floating-point product and sum below is exact (no rounding, so fused
// multiply-add on some CPUs cannot change the result), and colours are
// blended with integer arithmetic.
package icondraw

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
)

// Size is the width and height of the icon in pixels.
const Size = 1024

// ss is the supersampling factor per axis: each pixel is the box-filtered
// average of ss*ss samples, which antialiases every edge.
const ss = 4

// rgba is a premultiplied colour with 8-bit channels held in uint32s.
type rgba struct{ r, g, b, a uint32 }

// opaque returns a fully opaque colour from a 0xRRGGBB value.
func opaque(hex uint32) rgba {
	return rgba{hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff, 0xff}
}

// over composites src over dst (both premultiplied).
func over(dst, src rgba) rgba {
	if src.a == 0xff {
		return src
	}
	k := 0xff - src.a
	return rgba{
		src.r + (dst.r*k+127)/255,
		src.g + (dst.g*k+127)/255,
		src.b + (dst.b*k+127)/255,
		src.a + (dst.a*k+127)/255,
	}
}

// layer is one flat shape of the icon. Layers are painted in order.
type layer struct {
	in  func(x, y float64) bool // whether the point (in pixel units) is inside
	col func(x, y float64) rgba // colour at a point inside the shape
}

func flat(c rgba) func(x, y float64) rgba {
	return func(x, y float64) rgba { return c }
}

// roundRect reports whether (x, y) lies in the rectangle [x0,x1]×[y0,y1]
// with corners rounded to radius r.
func roundRect(x0, y0, x1, y1, r float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		dx, dy := 0.0, 0.0
		if x < x0+r {
			dx = x0 + r - x
		} else if x > x1-r {
			dx = x - (x1 - r)
		}
		if y < y0+r {
			dy = y0 + r - y
		} else if y > y1-r {
			dy = y - (y1 - r)
		}
		return dx*dx+dy*dy <= r*r
	}
}

// Geometry, in pixels of the 1024×1024 icon.
const (
	// Background tile.
	bgMin, bgMax, bgRadius = 72.0, 952.0, 200.0

	// The page.
	pageL, pageT, pageR, pageB = 300.0, 196.0, 724.0, 828.0
	pageRadius                 = 28.0
	fold                       = 136.0 // size of the folded top-right corner
	shadowDY                   = 18.0  // page shadow offset

	// The bookmark ribbon hanging from the top edge of the page.
	ribL, ribR = 360.0, 480.0
	ribT, ribB = pageT - 36, 528.0
	ribNotch   = 84.0 // depth of the V cut at the ribbon's bottom

	// Text lines.
	lineH = 40.0
)

// page reports whether (x, y) is on the page shifted down by dy: a rounded
// rectangle with its top-right corner cut off along a 45° diagonal.
func page(dy float64) func(x, y float64) bool {
	rr := roundRect(pageL, pageT+dy, pageR, pageB+dy, pageRadius)
	return func(x, y float64) bool {
		y -= dy
		if x-(pageR-fold) > y-pageT { // beyond the fold's diagonal
			return false
		}
		return rr(x, y+dy)
	}
}

// folded reports whether (x, y) is on the turned-down corner flap.
func folded(x, y float64) bool {
	return x >= pageR-fold && y <= pageT+fold && x-(pageR-fold) <= y-pageT
}

// ribbon reports whether (x, y) is on the bookmark: a rectangle whose bottom
// edge has a V-shaped notch.
func ribbon(x, y float64) bool {
	if x < ribL || x > ribR || y < ribT || y > ribB {
		return false
	}
	mid := (ribL + ribR) / 2
	half := (ribR - ribL) / 2
	// Inside the notch: above the bottom, below the two lines from the
	// bottom corners up to the notch apex at (mid, ribB-ribNotch).
	d := x - mid
	if d < 0 {
		d = -d
	}
	// Line: y = ribB - ribNotch*(1 - d/half)  ⇔  (ribB-y)*half = ribNotch*(half-d)
	return (ribB-y)*half >= ribNotch*(half-d)
}

// ribbonTuck is the short darker strip where the ribbon folds over the top
// edge of the page, so it reads as a bookmark tucked into the page.
func ribbonTuck(x, y float64) bool {
	return x >= ribL && x <= ribR && y >= ribT && y <= pageT
}

// gradient returns a diagonal gradient from colour a (top-left of the tile)
// to colour b (bottom-right). The blend weight is quantised to whole
// samples so that it is computed with integers.
func gradient(a, b rgba) func(x, y float64) rgba {
	const span = (bgMax - bgMin) * 2 * ss
	return func(x, y float64) rgba {
		t := int64((x - bgMin + y - bgMin) * ss)
		if t < 0 {
			t = 0
		}
		if t > span {
			t = span
		}
		mix := func(p, q uint32) uint32 {
			return uint32((int64(p)*(span-t) + int64(q)*t + span/2) / span)
		}
		return rgba{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 0xff}
	}
}

func layers() []layer {
	white := opaque(0xffffff)
	textGrey := opaque(0xc2ccd6)
	ls := []layer{
		{roundRect(bgMin, bgMin, bgMax, bgMax, bgRadius),
			gradient(opaque(0x22a6b3), opaque(0x173f78))},
		{page(shadowDY), flat(rgba{0, 0, 0, 0x3c})},
		{page(0), flat(white)},
		{folded, flat(opaque(0xcdd9e4))},
	}
	// Text lines: two short ones beside the ribbon, then full-width ones.
	type bar struct{ x0, y0, x1 float64 }
	for _, b := range []bar{
		{516, 372, 664}, {516, 452, 620},
		{360, 572, 664}, {360, 652, 632}, {360, 732, 560},
	} {
		ls = append(ls, layer{roundRect(b.x0, b.y0, b.x1, b.y0+lineH, lineH/2), flat(textGrey)})
	}
	ls = append(ls,
		layer{ribbon, flat(opaque(0xf7a325))},
		layer{ribbonTuck, flat(opaque(0xd9801a))},
	)
	return ls
}

// Draw renders the icon at Size×Size.
func Draw() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, Size, Size))
	ls := layers()
	for py := 0; py < Size; py++ {
		for px := 0; px < Size; px++ {
			var sum rgba
			for sy := 0; sy < ss; sy++ {
				// Sample centres at (i + (2k+1)/8) for k = 0..3: exact in binary.
				y := float64(py) + float64(2*sy+1)/(2*ss)
				for sx := 0; sx < ss; sx++ {
					x := float64(px) + float64(2*sx+1)/(2*ss)
					var c rgba
					for _, l := range ls {
						if l.in(x, y) {
							c = over(c, l.col(x, y))
						}
					}
					sum.r += c.r
					sum.g += c.g
					sum.b += c.b
					sum.a += c.a
				}
			}
			const n = ss * ss
			a := (sum.a + n/2) / n
			if a == 0 {
				continue // fully transparent; leave as zero
			}
			// Un-premultiply the averaged colour.
			un := func(v uint32) uint8 {
				u := (v*255 + sum.a/2) / sum.a
				if u > 255 {
					u = 255
				}
				return uint8(u)
			}
			img.SetNRGBA(px, py, color.NRGBA{un(sum.r), un(sum.g), un(sum.b), uint8(a)})
		}
	}
	return img
}

// Encode draws the icon and writes it to w as a PNG.
func Encode(w io.Writer) error {
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	return enc.Encode(w, Draw())
}

// PNG returns the icon encoded as PNG bytes.
func PNG() ([]byte, error) {
	var buf bytes.Buffer
	if err := Encode(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
