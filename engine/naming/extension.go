package naming

import (
	"net/url"
	"strings"
)

// unknownExt is used when neither the name nor the content type says
// what the file is.
const unknownExt = ".bin"

// serverScriptExt are extensions that name the program that made a page,
// not what the page is: "/index.php" serves HTML, or a PDF, or anything.
var serverScriptExt = map[string]bool{
	"php": true, "php3": true, "php4": true, "php5": true, "phtml": true,
	"asp": true, "aspx": true, "jsp": true, "jspx": true, "do": true,
	"action": true, "cgi": true, "pl": true, "cfm": true, "nsf": true,
}

// htmlExt are the extensions a browser opens as a web page.
var htmlExt = map[string]bool{"html": true, "htm": true, "xhtml": true, "xht": true, "shtml": true}

// runnableExt are extensions Windows runs on a double click. A name with
// one is only kept when the server does not say the file is something
// else, so an image at "/x.exe" does not become a program.
var runnableExt = map[string]bool{
	"exe": true, "com": true, "bat": true, "cmd": true, "scr": true,
	"pif": true, "msi": true, "vbs": true, "vbe": true, "js": true,
	"jse": true, "wsf": true, "wsh": true, "ps1": true, "hta": true,
	"cpl": true, "lnk": true, "reg": true, "jar": true,
}

// Extension picks the lower-case extension, with its dot, for a page at u
// that a server described with the given Content-Disposition file name
// (may be "") and Content-Type.
//
// The extension in the name is kept when it is plausible, since it is
// usually the most specific. It gives way to the content type when it is
// a server-script extension (".php"), when the content is a web page but
// the name says otherwise ("/wiki/Node.js" must open in a browser, not
// run as a script), or when it is a program extension the content type
// contradicts. Unknown content falls back to ".bin".
func Extension(u *url.URL, disposition, contentType string) string {
	mt := MediaType(contentType)
	typeExt := extForType(mt)
	for _, name := range []string{baseName(disposition), lastSegment(u)} {
		if _, ext := splitExt(name); ext != "" {
			if trustNameExt(ext, mt, typeExt) {
				return "." + ext
			}
			break // the first name with an extension decides
		}
	}
	if typeExt != "" {
		return typeExt
	}
	return unknownExt
}

func trustNameExt(ext, mt, typeExt string) bool {
	switch {
	case serverScriptExt[ext]:
		return false
	case isHTMLType(mt):
		return htmlExt[ext]
	case runnableExt[ext]:
		return typeExt == "" || typeExt == "."+ext
	}
	return true
}

// lastSegment is the percent-decoded last element of u's path, "" for a
// directory ("/blog/") or no path.
func lastSegment(u *url.URL) string {
	if u == nil {
		return ""
	}
	p := u.EscapedPath()
	seg := p[strings.LastIndexByte(p, '/')+1:]
	if seg == "." || seg == ".." {
		return ""
	}
	return unescapeSegment(seg)
}

// unescapeSegment decodes one path segment; a "%2F" inside becomes a "/"
// that Safe later replaces, so it cannot split the name.
func unescapeSegment(seg string) string {
	if d, err := url.PathUnescape(seg); err == nil {
		return d
	}
	return seg
}
