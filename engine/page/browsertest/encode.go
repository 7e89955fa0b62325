package browsertest

import (
	"bytes"
	"image"
	"image/png"
)

// encode is img as PNG bytes.
func encode(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil
	}
	return b.Bytes()
}
