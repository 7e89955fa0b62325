package warc

import "errors"

// ErrClosed is returned by Record after Close.
var ErrClosed = errors.New("The web archive was already closed, so this exchange was not kept in it.")

// Error is a failure of the web archive, with a sentence a person can read.
// The cause (a system error) is kept for errors.Is and logs, never shown.
type Error struct {
	// Message says what happened in plain words.
	Message string
	// Cause is the underlying error.
	Cause error
	// oneExchange marks a failure of one exchange (its address or its
	// payload), after which the archive goes on.
	oneExchange bool
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// The sentences people read. The engine may map a cause to its own words
// (for example a full disk) with errors.Is on the cause.
const (
	msgFolder   = "The web archive folder could not be opened or created. Check that the output folder can be written to."
	msgWrite    = "The web archive could not be written. Check that the disk has room and the output folder can be written to."
	msgRepair   = "A web archive file left by an earlier run could not be repaired. It was left as it is."
	msgPayload  = "A downloaded body could not be read back to be kept in the web archive."
	msgWACZ     = "The web archive package (.wacz) could not be written. Check that the disk has room and the output folder can be written to."
	msgRead     = "A web archive file could not be read to build the package (.wacz)."
	msgName     = "The web archive package needs a plain file name without folders."
	msgExchange = "An exchange was left out of the web archive because its address or headers are not valid."
)

func fail(msg string, cause error) error {
	if cause == nil {
		return nil
	}
	var e *Error
	if errors.As(cause, &e) {
		return e
	}
	return &Error{Message: msg, Cause: cause}
}

// skip is a failure of one exchange only.
func skip(msg string, cause error) error {
	return &Error{Message: msg, Cause: cause, oneExchange: true}
}

// onlyThisExchange reports whether err concerns one exchange, not the
// archive as a whole.
func onlyThisExchange(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.oneExchange
}
