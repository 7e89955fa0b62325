package page

import (
	"bytes"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeHTML turns a page's bytes into UTF-8, finding the encoding as a
// browser does: byte order mark, then the Content-Type charset, then a
// <meta> in the first 1024 bytes. With none of them, a page that is valid
// UTF-8 is read as UTF-8 and any other as windows-1252. It returns the
// text and the encoding's name (the fallback for the page's stylesheets
// and scripts).
func decodeHTML(body []byte, contentType string) (string, string) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && name == "windows-1252" && !declaresCharset(body) && hasHighBit(body) && utf8.Valid(body) {
		enc, name = unicode.UTF8, "utf-8"
	}
	return decodeWith(enc, body), name
}

// declaresCharset reports whether the first 1024 bytes mention a charset,
// which is how a <meta> declares one.
func declaresCharset(body []byte) bool {
	if len(body) > 1024 {
		body = body[:1024]
	}
	return indexFold(string(body), "charset") >= 0
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// decodeWith decodes b, replacing what the encoding cannot map with
// U+FFFD as browsers do, and drops a leading byte order mark.
func decodeWith(enc encoding.Encoding, b []byte) string {
	if enc == nil || enc == encoding.Nop {
		enc = unicode.UTF8
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		out = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	return strings.TrimPrefix(string(out), "\uFEFF")
}

// lookupEncoding finds an encoding by its label; UTF-16 labels in a
// document that is not itself UTF-16 mean UTF-8, as browsers treat them.
func lookupEncoding(label string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(strings.TrimSpace(label))
	if enc == nil {
		return nil, ""
	}
	if strings.HasPrefix(name, "utf-16") {
		return unicode.UTF8, "utf-8"
	}
	return enc, name
}

// bomEncoding is the encoding a byte order mark at the start of b names.
func bomEncoding(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, "utf-8"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

// headerEncoding is the encoding the charset of a Content-Type names.
func headerEncoding(contentType string) (encoding.Encoding, string) {
	if contentType == "" {
		return nil, ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(params["charset"])
	return enc, name
}

// decodeCSS turns a stylesheet into UTF-8 as CSS Syntax says: byte order
// mark, Content-Type charset, an @charset rule at the very start, the
// referring document's encoding, then UTF-8.
func decodeCSS(body []byte, contentType, fallback string) string {
	if enc, _ := bomEncoding(body); enc != nil {
		return decodeWith(enc, body)
	}
	if enc, _ := headerEncoding(contentType); enc != nil {
		return decodeWith(enc, body)
	}
	const at = `@charset "`
	if bytes.HasPrefix(body, []byte(at)) {
		rest := body[len(at):]
		if end := bytes.IndexByte(rest, '"'); end >= 0 && end < 64 && bytes.HasPrefix(rest[end:], []byte(`";`)) {
			if enc, _ := lookupEncoding(string(rest[:end])); enc != nil {
				return decodeWith(enc, body)
			}
		}
	}
	if enc, _ := lookupEncoding(fallback); enc != nil {
		return decodeWith(enc, body)
	}
	return decodeWith(unicode.UTF8, body)
}

// scriptEncoding is the encoding of a script: byte order mark, the
// Content-Type charset, the script element's charset attribute, then the
// document's encoding.
func scriptEncoding(head []byte, contentType, attrCharset, docCharset string) encoding.Encoding {
	if enc, _ := bomEncoding(head); enc != nil {
		return enc
	}
	if enc, _ := headerEncoding(contentType); enc != nil {
		return enc
	}
	if enc, _ := lookupEncoding(attrCharset); enc != nil {
		return enc
	}
	if enc, _ := lookupEncoding(docCharset); enc != nil {
		return enc
	}
	return unicode.UTF8
}

// utf8Reader decodes r from enc into UTF-8 as it is read, without a byte
// order mark.
func utf8Reader(r io.Reader, enc encoding.Encoding) io.Reader {
	if enc == nil || enc == encoding.Nop {
		enc = unicode.UTF8
	}
	return transform.NewReader(r, transform.Chain(enc.NewDecoder(), unicode.UTF8BOM.NewDecoder()))
}
