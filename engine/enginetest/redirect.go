package enginetest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// redirect answers with a redirect if k asks for one, and says whether it did.
func redirect(w http.ResponseWriter, r *http.Request, k Knobs) bool {
	var location string
	switch {
	case k.RedirectTo != "":
		location = k.RedirectTo
	case k.RedirectLoop:
		location = r.URL.RequestURI()
	case k.Redirect > 0:
		location = nextHop(k)
	default:
		return false
	}
	code := http.StatusFound
	switch k.Status {
	case http.StatusMovedPermanently, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		code = k.Status
	}
	if k.RetryAfter != "" {
		w.Header().Set("Retry-After", k.RetryAfter)
	}
	// Set directly rather than through http.Redirect, which would clean or
	// re-escape the location that a test chose on purpose.
	w.Header().Set("Location", location)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprintf(w, "%d redirect\n", code)
	return true
}

// nextHop is the address of the next hop of a Redirect chain: a new path each
// time, as real chains have, with the knobs (and the original BodyPath)
// carried along in the query.
func nextHop(k Knobs) string {
	k.Redirect--
	k.FailTimes = 0 // failures belong to the address the test asked for
	p := (&url.URL{Path: k.BodyPath}).EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	next := fmt.Sprintf("/redir/%d%s", k.Redirect, p)
	return next + "?" + k.Encode()
}
