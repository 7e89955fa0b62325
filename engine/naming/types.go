package naming

import (
	"mime"
	"strings"
)

// typeExt maps media types to the extension a desktop opens them with.
// It is fixed here rather than read from the system's MIME tables so the
// same page gets the same name on every computer.
var typeExt = map[string]string{
	"text/html":                     ".html",
	"application/xhtml+xml":         ".xhtml",
	"text/plain":                    ".txt",
	"text/css":                      ".css",
	"text/csv":                      ".csv",
	"text/markdown":                 ".md",
	"text/calendar":                 ".ics",
	"text/vtt":                      ".vtt",
	"text/javascript":               ".js",
	"application/javascript":        ".js",
	"application/x-javascript":      ".js",
	"application/ecmascript":        ".js",
	"application/json":              ".json",
	"application/xml":               ".xml",
	"text/xml":                      ".xml",
	"application/rss+xml":           ".rss",
	"application/atom+xml":          ".atom",
	"application/pdf":               ".pdf",
	"application/rtf":               ".rtf",
	"application/epub+zip":          ".epub",
	"application/zip":               ".zip",
	"application/gzip":              ".gz",
	"application/x-gzip":            ".gz",
	"application/x-tar":             ".tar",
	"application/x-7z-compressed":   ".7z",
	"application/vnd.rar":           ".rar",
	"application/wasm":              ".wasm",
	"application/msword":            ".doc",
	"application/vnd.ms-excel":      ".xls",
	"application/vnd.ms-powerpoint": ".ppt",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   ".docx",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         ".xlsx",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
	"application/vnd.oasis.opendocument.text":                                   ".odt",
	"application/vnd.oasis.opendocument.spreadsheet":                            ".ods",
	"application/vnd.oasis.opendocument.presentation":                           ".odp",
	"image/png":                ".png",
	"image/jpeg":               ".jpg",
	"image/pjpeg":              ".jpg",
	"image/gif":                ".gif",
	"image/webp":               ".webp",
	"image/avif":               ".avif",
	"image/svg+xml":            ".svg",
	"image/bmp":                ".bmp",
	"image/tiff":               ".tif",
	"image/x-icon":             ".ico",
	"image/vnd.microsoft.icon": ".ico",
	"audio/mpeg":               ".mp3",
	"audio/ogg":                ".ogg",
	"audio/wav":                ".wav",
	"audio/x-wav":              ".wav",
	"audio/aac":                ".aac",
	"audio/flac":               ".flac",
	"audio/webm":               ".weba",
	"video/mp4":                ".mp4",
	"video/webm":               ".webm",
	"video/ogg":                ".ogv",
	"video/quicktime":          ".mov",
	"font/woff":                ".woff",
	"font/woff2":               ".woff2",
	"font/ttf":                 ".ttf",
	"font/otf":                 ".otf",
}

// MediaType returns the lower-case type/subtype of a Content-Type header,
// tolerating the malformed parameters servers often send.
func MediaType(contentType string) string {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		return mt // already lower case
	}
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// extForType returns the extension for a media type, or "" if unknown.
// Families are recognised by suffix so new XML and JSON formats still get
// a useful extension; any other text is at least readable as ".txt".
func extForType(mt string) string {
	if e, ok := typeExt[mt]; ok {
		return e
	}
	switch {
	case strings.HasSuffix(mt, "+xml"):
		return ".xml"
	case strings.HasSuffix(mt, "+json"):
		return ".json"
	case strings.HasPrefix(mt, "text/"):
		return ".txt"
	}
	return ""
}

func isHTMLType(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}
