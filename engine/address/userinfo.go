package address

import (
	"net/url"
	"strings"
)

// userinfoString writes "user:password" the way net/url prints it, so
// that an address with a login survives url.Parse and String unchanged;
// otherwise the same page could be keyed two ways.
func userinfoString(userinfo string) string {
	user, password, hasPassword := strings.Cut(userinfo, ":")
	if hasPassword {
		return url.UserPassword(unescapeLenient(user), unescapeLenient(password)).String()
	}
	return url.User(unescapeLenient(user)).String()
}

// unescapeLenient decodes %XX escapes, taking the text literally when it
// has a stray "%" that cannot be decoded.
func unescapeLenient(s string) string {
	if d, err := url.PathUnescape(s); err == nil {
		return d
	}
	return s
}
