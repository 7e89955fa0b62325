package page

import (
	"net/http"
	"strings"

	"pagekeeper/engine/naming"
)

// IsHTML reports whether a response is an HTML page to assemble: its
// Content-Type is text/html or application/xhtml+xml, or, with no usable
// Content-Type, its first bytes (sniff, 512 are enough) look like HTML to
// the browsers' sniffing rules.
func IsHTML(contentType string, sniff []byte) bool {
	t := naming.MediaType(contentType)
	switch t {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "unknown/unknown", "application/unknown", "*/*":
		return strings.HasPrefix(http.DetectContentType(sniff), "text/html")
	}
	return false
}
