package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"

	"pagekeeper/engine/failure"
)

var errUnknownEncoding = errors.New("fetch: unknown content encoding")

// classify turns what went wrong in a request into a failure kind. cause
// is why the request's context was cancelled by us (idle, too slow, too
// large), nil otherwise.
func (c *Client) classify(err, cause error) *failure.Error {
	s := c.s
	var fe *failure.Error
	var de *diskErr
	switch {
	case errors.As(err, &fe):
		return fe
	case errors.As(err, &de):
		return failure.Disk(de.err)
	case errors.Is(cause, errIdle) || errors.Is(err, errIdle):
		return &failure.Error{Failure: failure.Failure{Kind: failure.Idle, Wait: s.IdleTimeout}, Cause: err}
	case errors.Is(cause, errTooSlow) || errors.Is(err, errTooSlow):
		return &failure.Error{Failure: failure.Failure{Kind: failure.TooSlow, Limit: s.MinRate, Wait: s.MinRateTime}, Cause: err}
	case errors.Is(err, context.Canceled):
		return failure.New(failure.Canceled, err)
	case errors.Is(err, http.ErrSchemeMismatch):
		return failure.New(failure.NotSecure, err)
	case strings.Contains(err.Error(), "server response headers exceeded"):
		// net/http has no error value for this one.
		return &failure.Error{Failure: failure.Failure{Kind: failure.HeadersTooLarge, Limit: s.MaxHeaderBytes}, Cause: err}
	}
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	var recordErr tls.RecordHeaderError
	var opErr *net.OpError
	switch {
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			return failure.New(failure.SiteNotFound, err)
		}
		return failure.New(failure.NameLookup, err)
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &invalidCert):
		return failure.New(failure.Certificate, err)
	case errors.As(err, &recordErr):
		return failure.New(failure.NotSecure, err)
	case errors.As(err, &opErr) && opErr.Op == "dial" && opErr.Timeout():
		return &failure.Error{Failure: failure.Failure{Kind: failure.ConnectTimeout, Wait: s.ConnectTimeout}, Cause: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return failure.New(failure.Refused, err)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.ECONNABORTED):
		return failure.New(failure.Reset, err)
	case isTimeout(err):
		return &failure.Error{Failure: failure.Failure{Kind: failure.AnswerTimeout, Wait: s.ResponseTimeout}, Cause: err}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return failure.New(failure.Truncated, err)
	// The errno checks above do not match every system's codes (Windows
	// has its own); the operation still says what went wrong.
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return failure.New(failure.Refused, err)
	case errors.As(err, &opErr) && opErr.Op == "read":
		return failure.New(failure.Reset, err)
	}
	return failure.New(failure.Network, err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
