package warc

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// wwwPrefix matches the "www", "www2", ... label that SURT drops.
var wwwPrefix = regexp.MustCompile(`^www\d*\.`)

// SURT is the sort-friendly key under which an address is indexed
// (CDXJ's first column), as pywb and ReplayWeb.page compute it: the
// address lower-cased, the scheme and a leading "www." dropped, the host's
// labels reversed and joined by commas, the port kept only when it is not
// the scheme's default, then ")" and the path, and the query's arguments
// sorted. "https://www.Example.com/a?b=2&a=1" becomes
// "com,example)/a?a=1&b=2". An address that is not http(s) is returned as
// it is.
func SURT(address string) string {
	lower := strings.ToLower(address)
	u, err := url.Parse(lower)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return address
	}
	host := wwwPrefix.ReplaceAllString(u.Hostname(), "")
	var b strings.Builder
	if strings.Contains(host, ":") { // IPv6: kept whole, in brackets
		b.WriteString("[" + host + "]")
	} else {
		labels := strings.Split(strings.TrimSuffix(host, "."), ".")
		for i := len(labels) - 1; i >= 0; i-- {
			b.WriteString(labels[i])
			if i > 0 {
				b.WriteByte(',')
			}
		}
	}
	if port := u.Port(); port != "" && !isDefaultPort(u.Scheme, port) {
		b.WriteString(":" + port)
	}
	b.WriteByte(')')
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	b.WriteString(path)
	if u.RawQuery != "" {
		args := strings.Split(u.RawQuery, "&")
		sort.Strings(args)
		b.WriteString("?" + strings.Join(args, "&"))
	}
	return b.String()
}

func isDefaultPort(scheme, port string) bool {
	return (scheme == "http" && port == "80") || (scheme == "https" && port == "443")
}
