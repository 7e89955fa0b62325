package enginetest

import (
	"fmt"
	"net/http"
)

// failure answers one of the FailTimes failing attempts.
func failure(w http.ResponseWriter, k Knobs) {
	status := k.status()
	if status < 300 {
		status = http.StatusServiceUnavailable
	}
	shortAnswer(w, status, k)
}

// shortAnswer is the small text reply of a non-2xx status: real servers send
// an error page, not the document that was asked for.
func shortAnswer(w http.ResponseWriter, status int, k Knobs) {
	if k.RetryAfter != "" {
		w.Header().Set("Retry-After", k.RetryAfter)
	}
	if status == http.StatusNotModified {
		// net/http refuses a body here; a header-only reply is what real
		// servers send.
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "%d %s\n", status, http.StatusText(status))
}
