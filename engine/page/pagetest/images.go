package pagetest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
)

// shape draws one of the site's images: a background colour and a shape
// in a second colour, so a missing or wrong image is plain to see.
func shape(w, h int, bg, fg color.RGBA, kind string) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy := float64(w)/2, float64(h)/2
	r := math.Min(cx, cy) * 0.8
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			in := false
			switch kind {
			case "circle":
				in = (fx-cx)*(fx-cx)+(fy-cy)*(fy-cy) < r*r
			case "triangle":
				top, bottom := cy-r, cy+r
				if fy >= top && fy <= bottom {
					half := (fy - top) / (bottom - top) * r
					in = math.Abs(fx-cx) <= half
				}
			case "square":
				in = math.Abs(fx-cx) < r*0.8 && math.Abs(fy-cy) < r*0.8
			case "stripes":
				in = (x/8)%2 == 0
			case "checker":
				in = (x/10+y/10)%2 == 0
			case "cross":
				in = math.Abs(fx-cx) < r*0.25 || math.Abs(fy-cy) < r*0.25
			}
			if in {
				img.SetRGBA(x, y, fg)
			} else {
				img.SetRGBA(x, y, bg)
			}
		}
	}
	return encodePNG(img)
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // encoding an in-memory RGBA image cannot fail
	}
	return b.Bytes()
}

// SpriteCell is the size in pixels of one cell of the sprite sheet, and
// SpriteCells the number of cells on each side.
const (
	SpriteCell  = 16
	SpriteCells = 10
)

// spriteSheet is a 10 by 10 grid of 16 px cells, each its own colour
// with a white dot, so every one of the 100 uses shows a different cell.
func spriteSheet() []byte {
	n := SpriteCell * SpriteCells
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	for cy := 0; cy < SpriteCells; cy++ {
		for cx := 0; cx < SpriteCells; cx++ {
			c := hue(float64(cy*SpriteCells+cx) / float64(SpriteCells*SpriteCells))
			for y := 0; y < SpriteCell; y++ {
				for x := 0; x < SpriteCell; x++ {
					px := c
					if (x-8)*(x-8)+(y-8)*(y-8) < 9 {
						px = color.RGBA{255, 255, 255, 255}
					}
					img.SetRGBA(cx*SpriteCell+x, cy*SpriteCell+y, px)
				}
			}
		}
	}
	return encodePNG(img)
}

// hue is a saturated colour around the colour wheel, t in [0, 1).
func hue(t float64) color.RGBA {
	h := t * 6
	x := 1 - math.Abs(math.Mod(h, 2)-1)
	var r, g, b float64
	switch int(h) {
	case 0:
		r, g = 1, x
	case 1:
		r, g = x, 1
	case 2:
		g, b = 1, x
	case 3:
		g, b = x, 1
	case 4:
		r, b = x, 1
	default:
		r, b = 1, x
	}
	return color.RGBA{uint8(40 + 200*r), uint8(40 + 200*g), uint8(40 + 200*b), 255}
}

// noise is an image of random pixels: it does not compress, so its PNG is
// about w*h*3 bytes. The seed makes it the same on every run.
func noise(w, h int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		v := rng.Uint32()
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(v), uint8(v>>8), uint8(v>>16), 255
	}
	return encodePNG(img)
}

var (
	red    = color.RGBA{220, 40, 40, 255}
	green  = color.RGBA{40, 170, 70, 255}
	blue   = color.RGBA{40, 90, 220, 255}
	yellow = color.RGBA{245, 200, 30, 255}
	purple = color.RGBA{140, 50, 180, 255}
	orange = color.RGBA{250, 130, 20, 255}
	teal   = color.RGBA{20, 160, 160, 255}
	white  = color.RGBA{255, 255, 255, 255}
	black  = color.RGBA{20, 20, 20, 255}
	pink   = color.RGBA{240, 110, 170, 255}
)
