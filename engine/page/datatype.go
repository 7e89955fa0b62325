package page

import (
	"mime"
	"net/http"
	"strings"

	"pagekeeper/engine/naming"
)

// dataType is the media type a data: URI of a resource carries: the
// Content-Type the server sent (with its charset for text), or, when it
// sent none that says anything, what the first bytes look like. Browsers
// sniff images and fonts whatever the type says, but an SVG image needs
// image/svg+xml, so the server's word is kept when there is one.
func dataType(contentType string, head []byte) string {
	t := naming.MediaType(contentType)
	if t == "" || t == "application/octet-stream" || t == "unknown/unknown" || t == "application/unknown" {
		t = naming.MediaType(http.DetectContentType(head))
		if t == "text/xml" && strings.Contains(string(head), "<svg") {
			t = "image/svg+xml"
		}
	}
	if !safeMediaType(t) {
		return "application/octet-stream"
	}
	if strings.HasPrefix(t, "text/") {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && safeMediaType(params["charset"]) && params["charset"] != "" {
			return t + ";charset=" + strings.ToLower(params["charset"])
		}
	}
	return t
}

// safeMediaType reports whether t holds only characters that need no
// escaping anywhere a data: URI is written (HTML attributes, CSS strings,
// srcset).
func safeMediaType(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-+./_", c) >= 0) {
			return false
		}
	}
	return true
}
