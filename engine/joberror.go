package engine

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/dustin/go-humanize"
)

// jobError is why an attempt failed, in words a person can read, and
// whether trying again might help.
type jobError struct {
	msg        string
	retry      bool
	retryAfter time.Duration // what the server asked us to wait, 0 if nothing
	err        error         // the cause, for logs and errors.Is
}

func (e *jobError) Error() string { return e.msg }
func (e *jobError) Unwrap() error { return e.err }

// errIdle marks a body that went silent longer than the idle timeout.
var errIdle = errors.New("idle timeout")

// describeNetError turns a transport error into a jobError.
func describeNetError(err error, cfg Config) *jobError {
	var je *jobError
	if errors.As(err, &je) {
		return je
	}
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var opErr *net.OpError
	switch {
	case errors.Is(err, errTooManyRedirects):
		return &jobError{msg: fmt.Sprintf("The address redirected more than %d times", MaxRedirects), err: err}
	case errors.Is(err, errRedirectScheme):
		return &jobError{msg: "The address redirected to something that is not a web page", err: err}
	case errors.Is(err, errIdle):
		return &jobError{msg: fmt.Sprintf("The server stopped sending for %s", seconds(cfg.IdleTimeout)), retry: true, err: err}
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			return &jobError{msg: "The site could not be found: check the address", err: err}
		}
		return &jobError{msg: "The site's name could not be looked up (is the network down?)", retry: true, err: err}
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr):
		return &jobError{msg: "The site's security certificate is not valid", err: err}
	case errors.As(err, &opErr) && opErr.Op == "dial" && opErr.Timeout():
		return &jobError{msg: fmt.Sprintf("Could not connect to the server within %s", seconds(cfg.ConnectTimeout)), retry: true, err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &jobError{msg: "The server refused the connection", retry: true, err: err}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return &jobError{msg: "The server cut the connection off", retry: true, err: err}
	case isTimeout(err):
		return &jobError{msg: fmt.Sprintf("The server did not answer within %s", seconds(cfg.ResponseTimeout)), retry: true, err: err}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &jobError{msg: "The server ended the transfer early", retry: true, err: err}
	// The errno checks above do not match every system's codes (Windows
	// has its own); the operation still says what went wrong.
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return &jobError{msg: "Could not connect to the server", retry: true, err: err}
	case errors.As(err, &opErr) && opErr.Op == "read":
		return &jobError{msg: "The server cut the connection off", retry: true, err: err}
	}
	return &jobError{msg: "The download failed: " + err.Error(), retry: true, err: err}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// truncatedError says how much of a body arrived.
func truncatedError(got, want int64, err error) *jobError {
	msg := "The server ended the transfer early"
	if want > 0 {
		msg = fmt.Sprintf("The server ended the transfer early (%s of %s)", humanize.Bytes(uint64(got)), humanize.Bytes(uint64(want)))
	}
	return &jobError{msg: msg, retry: true, err: err}
}

// tooLargeError is a body over the size cap.
func tooLargeError(limit int64) *jobError {
	return &jobError{msg: fmt.Sprintf("The page is larger than the %s limit", humanize.IBytes(uint64(limit)))}
}

// statusMessages say what the common refusals mean for the person.
var statusMessages = map[int]string{
	http.StatusNotFound:        "The page was not found (HTTP 404)",
	http.StatusGone:            "The page has been removed (HTTP 410)",
	http.StatusUnauthorized:    "The page needs a login (HTTP 401)",
	http.StatusForbidden:       "The server refused access to the page (HTTP 403)",
	http.StatusTooManyRequests: "The server asked us to slow down (HTTP 429)",
	http.StatusRequestTimeout:  "The server timed out waiting for us (HTTP 408)",
}

// statusError turns an HTTP status we cannot keep into a jobError, retrying
// the ones that say "later" and honouring Retry-After up to max.
func statusError(resp *http.Response, now time.Time, max time.Duration) *jobError {
	code := resp.StatusCode
	text := http.StatusText(code)
	msg, known := statusMessages[code]
	switch {
	case known:
	case code >= 500:
		msg = fmt.Sprintf("The server had a problem (HTTP %d %s)", code, text)
	case code >= 300 && code < 400:
		msg = fmt.Sprintf("The server redirected without saying where (HTTP %d)", code)
	default:
		msg = fmt.Sprintf("The server answered HTTP %d %s", code, text)
	}
	retry := code == http.StatusRequestTimeout || code == http.StatusTooManyRequests ||
		(code >= 500 && code != http.StatusNotImplemented && code != http.StatusHTTPVersionNotSupported)
	return &jobError{msg: msg, retry: retry, retryAfter: retryAfter(resp.Header.Get("Retry-After"), now, max)}
}

// retryAfter reads a Retry-After header (seconds or an HTTP date), capped at
// max so a server cannot park a worker for hours. 0 means none given.
func retryAfter(v string, now time.Time, max time.Duration) time.Duration {
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	if d < 0 {
		return 0
	}
	return min(d, max)
}

// seconds prints a timeout as people say it: "30 s", "1.5 s".
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}
