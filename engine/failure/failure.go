// Package failure says why a page or a resource was not kept, as data: a
// kind, the HTTP status and what the server asked. The words a person
// reads are made from the kind in one table (see Message), used by the
// window and the command line alike, so no Go or system error text ever
// reaches a person and the sentences can be translated in one place.
package failure

import (
	"net/http"
	"time"
)

// Kind is what went wrong.
type Kind uint8

// The kinds of failure. The order is stored in session journals: add new
// kinds at the end.
const (
	None             Kind = iota
	BadAddress            // the address cannot be requested at all
	SiteNotFound          // the site's name does not exist
	NameLookup            // the name could not be looked up now
	Refused               // the server refused the connection
	ConnectTimeout        // no connection within the connect timeout
	Reset                 // the server cut the connection off
	AnswerTimeout         // no answer within the answer timeout
	Idle                  // the body stopped arriving for the idle timeout
	TooSlow               // the body arrived slower than the speed floor
	Truncated             // the body ended before its announced length
	Certificate           // the site's certificate is not valid
	NotSecure             // an https address answered by a plain http server
	HTTPStatus            // the server answered with a status we cannot keep
	TooLarge              // the body is over the size limit
	TooManyRedirects      // redirects went on too long
	RedirectNotWeb        // a redirect led to something that is not http(s)
	HeadersTooLarge       // the answer's headers are over the limit
	UnexpectedSwitch      // the server switched protocols unasked (HTTP 101)
	Network               // another network failure
	DiskFull              // no space left for the file
	NoPermission          // not allowed to write in the folder
	ReadOnlyDisk          // the folder is on a read-only disk
	DiskError             // another failure writing the file
	Canceled              // stopped before it was kept
	PageTooLarge          // a resource did not fit in the page's size limit
	NotFetched            // a resource was left out (a cycle, too deep, not web)
	FileMissing           // a file saved earlier is no longer on disk
	Encoding              // the body is compressed in a way we cannot read
	AlreadySaved          // the folder kept this address before (see Message)
	numKinds
)

// Failure is why one attempt, page or resource did not work out.
type Failure struct {
	Kind Kind
	// Status is the HTTP status code, when the server answered.
	Status int
	// RetryAfter is how long the server asked us to wait (429, 503).
	RetryAfter time.Duration
	// Limit is the size limit that was passed (TooLarge, PageTooLarge,
	// HeadersTooLarge) or the speed floor in bytes per second (TooSlow).
	Limit int64
	// Wait is the time limit that passed (timeouts, Idle, TooSlow).
	Wait time.Duration
	// Got and Want are the bytes received and announced (Truncated).
	Got, Want int64
}

// Failed reports whether f records a failure at all.
func (f Failure) Failed() bool { return f.Kind != None }

// Retryable reports whether trying again later may work.
func (f Failure) Retryable() bool {
	switch f.Kind {
	case NameLookup, Refused, ConnectTimeout, Reset, AnswerTimeout, Idle, TooSlow, Truncated, Network:
		return true
	case HTTPStatus:
		c := f.Status
		return c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c == http.StatusTooEarly ||
			(c >= 500 && c != http.StatusNotImplemented && c != http.StatusHTTPVersionNotSupported)
	}
	return false
}

// PausesSite reports whether the server asked the whole site to be left
// alone for a while: a 429 or 503 that says how long.
func (f Failure) PausesSite() bool {
	return f.Kind == HTTPStatus && f.RetryAfter > 0 &&
		(f.Status == http.StatusTooManyRequests || f.Status == http.StatusServiceUnavailable)
}

// Error makes a Failure usable as an error inside the engine; people read
// Message.
func (f Failure) Error() string { return f.Message() }

// Error wraps a Failure with its cause for logs and errors.Is. The cause is
// never shown to a person.
type Error struct {
	Failure
	Cause error
}

// Error is the words of the failure.
func (e *Error) Error() string { return e.Message() }

// Unwrap is the cause.
func (e *Error) Unwrap() error { return e.Cause }

// New is a failure of kind k caused by cause.
func New(k Kind, cause error) *Error { return &Error{Failure: Failure{Kind: k}, Cause: cause} }
