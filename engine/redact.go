package engine

import (
	"net/url"
	"strings"
)

// hidePassword shows an address with any password as "***".
// TODO(list helper): replace with address.Redact once it lands.
func hidePassword(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.User == nil {
		return u
	}
	if _, ok := p.User.Password(); !ok {
		return u
	}
	at := strings.Index(u, "@")
	colon := strings.Index(u[:at], ":")
	if i := strings.Index(u, "://"); i >= 0 {
		colon = i + 3 + strings.Index(u[i+3:at], ":")
	}
	return u[:colon+1] + "***" + u[at:]
}
