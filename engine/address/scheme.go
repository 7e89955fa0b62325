package address

import "strings"

// knownSchemes are schemes people commonly paste that could otherwise look
// like "host:port" ("tel:911" must not become https://tel:911/).
var knownSchemes = map[string]bool{
	"about": true, "blob": true, "callto": true, "chrome": true, "data": true,
	"facetime": true, "feed": true, "file": true, "ftp": true, "ftps": true,
	"geo": true, "git": true, "gopher": true, "http": true, "https": true,
	"imap": true, "irc": true, "ircs": true, "javascript": true, "ldap": true,
	"magnet": true, "mailto": true, "market": true, "mms": true, "news": true,
	"nntp": true, "pop": true, "rtsp": true, "sftp": true, "sip": true,
	"sips": true, "skype": true, "smb": true, "sms": true, "snmp": true,
	"ssh": true, "steam": true, "tel": true, "telnet": true, "urn": true,
	"vbscript": true, "view-source": true, "webcal": true, "ws": true,
	"wss": true, "xmpp": true,
}

// splitScheme returns the lower-cased scheme of s and what follows the
// colon. A missing scheme is reported as "" with rest == s: text like
// "example.com:8080/x" or "localhost:3000" is a host and port, not a
// scheme, even though RFC 3986 syntax alone cannot tell them apart.
func splitScheme(s string) (scheme, rest string) {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || !isSchemeSyntax(s[:colon]) {
		return "", s
	}
	candidate := strings.ToLower(s[:colon])
	rest = s[colon+1:]
	if knownSchemes[candidate] || strings.HasPrefix(rest, "//") {
		return candidate, rest
	}
	// A dot is almost never in a real scheme but always in a domain name.
	if strings.IndexByte(candidate, '.') >= 0 || looksLikePort(rest) {
		return "", s
	}
	return candidate, rest
}

// isSchemeSyntax reports whether s is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
func isSchemeSyntax(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// looksLikePort reports whether rest starts with digits that end the
// address or are followed by a path, query or fragment.
func looksLikePort(rest string) bool {
	i := 0
	for i < len(rest) && '0' <= rest[i] && rest[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	return i == len(rest) || strings.IndexByte("/?#\\", rest[i]) >= 0
}

// looksMistyped catches "http//example.com" and "https//…", which would
// otherwise be read as a site called "http".
func looksMistyped(s string) bool {
	for _, p := range []string{"http/", "https/", "http\\", "https\\"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}
