package listfile

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names, as Format.Encoding reports them.
const (
	UTF8        = "UTF-8"
	UTF16LE     = "UTF-16LE"
	UTF16BE     = "UTF-16BE"
	Windows1252 = "Windows-1252"
)

// detectEncoding names the encoding of a file from its first bytes: a
// byte order mark settles it; otherwise UTF-8, unless the sample is not
// valid UTF-8, in which case the file is taken for Windows-1252 (what
// Windows editors long saved, and a superset of Latin-1). UTF-16 without
// a byte order mark is not recognised: it reads as binary.
func detectEncoding(sample []byte, whole bool) (name string, bom int) {
	switch {
	case bytes.HasPrefix(sample, []byte("\xEF\xBB\xBF")):
		return UTF8, 3
	case bytes.HasPrefix(sample, []byte("\xFF\xFE")):
		return UTF16LE, 0 // the decoder consumes its byte order mark
	case bytes.HasPrefix(sample, []byte("\xFE\xFF")):
		return UTF16BE, 0
	}
	if !validUTF8Prefix(sample, whole) {
		return Windows1252, 0
	}
	return UTF8, 0
}

// validUTF8Prefix reports whether sample is valid UTF-8, allowing a
// character cut off at its end when the sample is not the whole file.
func validUTF8Prefix(sample []byte, whole bool) bool {
	if utf8.Valid(sample) {
		return true
	}
	if whole {
		return false
	}
	for cut := 1; cut < utf8.UTFMax && cut <= len(sample); cut++ {
		if utf8.Valid(sample[:len(sample)-cut]) {
			return true
		}
	}
	return false
}

// decoder returns a reader of r's text as UTF-8.
func decoder(name string, r io.Reader) io.Reader {
	switch name {
	case UTF16LE:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case UTF16BE:
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case Windows1252:
		return transform.NewReader(r, charmap.Windows1252.NewDecoder())
	}
	return r
}

// looksBinary reports whether the start of a file shows it is not text:
// a NUL byte, a known binary signature (image, archive, PDF, audio,
// video, font), or more control characters than any text has.
func looksBinary(sample []byte) bool {
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	sniffed := http.DetectContentType(sample)
	if !strings.HasPrefix(sniffed, "text/") && sniffed != "application/octet-stream" {
		return true
	}
	controls := 0
	for _, c := range sample {
		// Tab, line ends, form feed, Ctrl-Z (end of an old DOS file) and
		// Escape (terminal colours in a copied log) occur in text.
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1a && c != 0x1b || c == 0x7f {
			controls++
		}
	}
	return controls > 8 && controls*100 > len(sample)
}
