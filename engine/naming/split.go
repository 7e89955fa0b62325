package naming

import "strings"

// splitExt splits name into its stem and lower-case extension (without the
// dot) when the part after the last dot looks like a real extension: 1 to
// 8 ASCII letters or digits, at least one a letter. "v1.2" and
// "Mr. Smith" therefore keep their dot in the stem.
func splitExt(name string) (stem, ext string) {
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 || !plausibleExt(name[dot+1:]) {
		return name, ""
	}
	return name[:dot], strings.ToLower(name[dot+1:])
}

func plausibleExt(e string) bool {
	if len(e) < 1 || len(e) > 8 {
		return false
	}
	letter := false
	for i := 0; i < len(e); i++ {
		c := e[i] | 0x20 // ASCII lower case; digits are unchanged
		switch {
		case 'a' <= c && c <= 'z':
			letter = true
		case '0' <= e[i] && e[i] <= '9':
		default:
			return false
		}
	}
	return letter
}

// baseName is the last element of a name a server suggested, which may be
// a hostile path such as "../../etc/passwd" or "C:\\evil.exe".
func baseName(disposition string) string {
	if i := strings.LastIndexAny(disposition, "/\\"); i >= 0 {
		disposition = disposition[i+1:]
	}
	return strings.TrimSpace(disposition)
}
