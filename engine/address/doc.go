// Package address turns text that a person pasted into the web addresses
// pagekeeper should keep, and explains in plain words why any other line
// was left out.
//
// The rules follow what a browser's address bar would accept rather than
// the letter of RFC 3986, because the people pasting are not programmers:
// "example.com" means "https://example.com/", and a rejected line must say
// what is wrong in a sentence they can act on.
//
// Addresses are kept in the ASCII form that goes on the wire (punycode,
// percent-escapes). Display shows one as a person reads it, and Redact
// masks its password wherever it is logged or written; a login's password
// is sent with the request but never shown.
package address
