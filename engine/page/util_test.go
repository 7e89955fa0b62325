package page_test

import (
	"encoding/base64"
	"io"
)

func newBase64(w io.Writer) io.WriteCloser { return base64.NewEncoder(base64.StdEncoding, w) }

func copyAll(w io.Writer, r io.Reader) { io.Copy(w, r) }
