package browsertest

import (
	"image"
	"image/color"
)

// Tolerance is the share of pixels a saved page may differ from the live
// page in the fidelity tests.
const Tolerance = 0.01

// Diff is how two screenshots differ.
type Diff struct {
	// Pixels is how many pixels differ (any channel), counting the parts
	// one image has and the other has not.
	Pixels int
	// Total is the number of pixels compared: the area both images cover
	// together.
	Total int
	// Image shows the differing pixels in red over a faded copy of a.
	Image *image.RGBA
}

// Share is the fraction of pixels that differ, 0 to 1.
func (d Diff) Share() float64 {
	if d.Total == 0 {
		return 0
	}
	return float64(d.Pixels) / float64(d.Total)
}

// Compare compares two screenshots pixel by pixel. Images of different
// sizes are compared over the larger width and height; what lies outside
// one of them counts as differing.
func Compare(a, b image.Image) Diff {
	ab, bb := a.Bounds(), b.Bounds()
	w, h := max(ab.Dx(), bb.Dx()), max(ab.Dy(), bb.Dy())
	d := Diff{Total: w * h, Image: image.NewRGBA(image.Rect(0, 0, w, h))}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			pa, inA := pixel(a, x, y)
			pb, inB := pixel(b, x, y)
			if inA && inB && pa == pb {
				g := (uint32(pa.R) + uint32(pa.G) + uint32(pa.B)) / 3
				f := uint8(200 + g*55/255)
				d.Image.SetRGBA(x, y, color.RGBA{f, f, f, 255})
				continue
			}
			d.Pixels++
			d.Image.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
		}
	}
	return d
}

func pixel(img image.Image, x, y int) (color.RGBA, bool) {
	b := img.Bounds()
	if x >= b.Dx() || y >= b.Dy() {
		return color.RGBA{}, false
	}
	r, g, bl, al := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(al >> 8)}, true
}
