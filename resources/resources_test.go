package resources

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"pagekeeper/resources/internal/icondraw"
)

func decodeIcon(t *testing.T) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("embedded icon is not a valid PNG: %v", err)
	}
	return img
}

func TestIconResource(t *testing.T) {
	if Icon.Name() != "icon.png" {
		t.Errorf("Icon.Name() = %q, want %q", Icon.Name(), "icon.png")
	}
	if len(Icon.Content()) == 0 {
		t.Fatal("embedded icon is empty")
	}
	if n := len(Icon.Content()); n > 300<<10 {
		t.Errorf("embedded icon is %d bytes, want under 300 KB", n)
	}
}

func TestIconImage(t *testing.T) {
	img := decodeIcon(t)
	b := img.Bounds()
	if b.Dx() != b.Dy() {
		t.Fatalf("icon is %dx%d, want a square", b.Dx(), b.Dy())
	}
	if b.Dx() < 512 {
		t.Fatalf("icon is %dx%d, want at least 512x512", b.Dx(), b.Dy())
	}

	alpha := func(x, y int) uint32 {
		_, _, _, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
		return a
	}
	// The background is a rounded square, so the image corners are
	// transparent while the middle is fully opaque.
	last := b.Dx() - 1
	for _, c := range [][2]int{{0, 0}, {last, 0}, {0, last}, {last, last}} {
		if a := alpha(c[0], c[1]); a != 0 {
			t.Errorf("corner pixel (%d,%d) has alpha %d, want transparent", c[0], c[1], a)
		}
	}
	mid := b.Dx() / 2
	for _, p := range [][2]int{{mid, mid}, {b.Dx() / 8, mid}, {mid, b.Dx() / 8}} {
		if a := alpha(p[0], p[1]); a != 0xffff {
			t.Errorf("pixel (%d,%d) has alpha %d, want opaque", p[0], p[1], a)
		}
	}

	// Not blank or flat: a gradient, several shapes and antialiased edges
	// give many distinct colours.
	colours := make(map[[4]uint32]bool)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, bl, a}] = true
		}
	}
	if len(colours) < 256 {
		t.Errorf("icon has only %d distinct colours, want at least 256", len(colours))
	}
}

// TestIconMatchesGenerator checks that the committed icon.png is exactly what
// the icongen command draws, so the PNG and its generator never drift apart.
// If it fails after changing the drawing, run `go generate` in this folder.
func TestIconMatchesGenerator(t *testing.T) {
	want, err := icondraw.PNG()
	if err != nil {
		t.Fatalf("drawing the icon: %v", err)
	}
	if bytes.Equal(Icon.Content(), want) {
		return
	}

	// Tell apart a changed drawing from a changed PNG encoder.
	got := decodeIcon(t)
	drawn := icondraw.Draw()
	if !got.Bounds().Eq(drawn.Bounds()) {
		t.Fatalf("icon.png is %v but the generator draws %v; run `go generate` in the resources folder",
			got.Bounds(), drawn.Bounds())
	}
	for y := drawn.Rect.Min.Y; y < drawn.Rect.Max.Y; y++ {
		for x := drawn.Rect.Min.X; x < drawn.Rect.Max.X; x++ {
			r1, g1, b1, a1 := got.At(x, y).RGBA()
			r2, g2, b2, a2 := drawn.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("icon.png differs from the generator's drawing at (%d,%d); run `go generate` in the resources folder", x, y)
			}
		}
	}
	t.Fatalf("icon.png has the same pixels as the generator's drawing but different bytes "+
		"(%d vs %d), probably a different PNG encoder; run `go generate` in the resources folder",
		len(Icon.Content()), len(want))
}
