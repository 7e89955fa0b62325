package address

import "strings"

// maskedPassword stands in for a password wherever an address is shown or
// written. It is the same whatever the password, so not even its length
// leaks.
const maskedPassword = "***"

// Redact returns u with the password of its login, if any, replaced by
// "***" and nothing else changed: "https://ann:secret@example.com/" gives
// "https://ann:***@example.com/". An address's login is used for the
// request, but its password must never reach a log, the manifest, a file
// name, an exported list or a printed line; only the session journal keeps
// it. Redact accepts any text (a pasted line that was rejected, a
// scheme-less "ann:secret@example.com") and finds the login where Normalize
// would, so what Normalize sends as a password is what Redact hides.
func Redact(u string) string {
	if strings.IndexByte(u, '@') < 0 {
		return u // the common case: no login, nothing to copy
	}
	start := authorityStart(u)
	authority := u[start:]
	for i := 0; i < len(authority); i++ {
		if c := authority[i]; c == '/' || c == '?' || c == '#' || c == '\\' {
			authority = authority[:i]
			break
		}
	}
	at := strings.LastIndexByte(authority, '@')
	if at < 0 {
		return u
	}
	colon := strings.IndexByte(authority[:at], ':')
	if colon < 0 {
		return u
	}
	return u[:start+colon+1] + maskedPassword + u[start+at:]
}

// authorityStart returns where the login or site name of s begins: after
// "https://" and the slashes and backslashes browsers tolerate there, or
// at the start of a scheme-less line. "ann:secret@host" reads like an
// address with the unknown scheme "ann:", so for an unknown scheme
// without "//" it is the start of the line and the password is masked
// even then; after a known one ("mailto:ann@example.com") it is the text
// after the colon.
func authorityStart(s string) int {
	scheme, rest := splitScheme(s)
	if scheme != "" && !knownSchemes[scheme] && !strings.HasPrefix(rest, "//") {
		return 0
	}
	return len(s) - len(strings.TrimLeft(rest, "/\\"))
}
