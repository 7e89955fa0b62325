package engine

import "net/url"

// hidePassword shows an address with any password as "***".
// TODO(list helper): replace with address.Redact once it lands.
func hidePassword(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.User == nil {
		return u
	}
	if _, ok := p.User.Password(); ok {
		p.User = url.UserPassword(p.User.Username(), "***")
		s := p.String()
		return s
	}
	return u
}
