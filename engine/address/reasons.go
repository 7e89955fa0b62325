package address

import "strings"

// reason is an error whose message is already a sentence meant for the
// person who pasted the line, so callers can show err.Error() unchanged.
type reason string

func (r reason) Error() string { return string(r) }

// The sentences a person sees next to a line that was left out. They have
// no final full stop so the interface can put them after "Line 3: ".
const (
	reasonEmpty      reason = "This line is empty"
	reasonTooLong    reason = "This address is longer than 2,048 characters"
	reasonSpaces     reason = "The site name in this address contains spaces, which site names cannot have"
	reasonTab        reason = "This address contains a tab, which web addresses cannot have"
	reasonControl    reason = "This address contains control characters"
	reasonBadText    reason = "This address contains characters that are not readable text"
	reasonNoHost     reason = "This address has no site name"
	reasonBadHost    reason = "The site name in this address is not valid"
	reasonBadPort    reason = "The port number in this address is not valid; it must be a number from 1 to 65535"
	reasonNotWebBare reason = "Only web addresses (http or https) can be kept"
	reasonMistyped   reason = "This address looks mistyped; it should start with http:// or https://"
)

// noDot explains why a one-word site name is refused. A browser would
// search for the word instead; only "localhost" and IP addresses are real
// sites without a dot. host is the name as typed, which has passed the
// site-name checks, so it is short and printable.
func noDot(host string) reason {
	return reason(host + " is not a web address: a site name has a dot, like example.com")
}

// notWeb names the scheme so the person recognises what they pasted
// ("this is a mailto: address"); a very long scheme is junk rather than a
// scheme, so it is not repeated back.
func notWeb(scheme string) reason {
	if len(scheme) > 20 {
		return reasonNotWebBare
	}
	return reason(string(reasonNotWebBare) + "; this is a " + strings.ToLower(scheme) + ": address")
}
