package address

import "strings"

// removeDotSegments resolves "." and ".." in an absolute path the way
// browsers do before sending it (RFC 3986 section 5.2.4), so "/a/../b"
// and "/b" count as the same page and a path can never climb above "/".
func removeDotSegments(p string) string {
	if !hasDotSegment(p) {
		return p // the common case: nothing to resolve, no allocation
	}
	segs := strings.Split(p[1:], "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	return "/" + strings.Join(out, "/")
}

// hasDotSegment reports whether some segment of p is "." or "..".
func hasDotSegment(p string) bool {
	for {
		i := strings.Index(p, "/.")
		if i < 0 {
			return false
		}
		p = p[i+2:]
		if p == "" || p[0] == '/' || p[0] == '.' && (len(p) == 1 || p[1] == '/') {
			return true
		}
	}
}
