package address

import (
	"net/netip"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// splitHostPort splits an authority's host and port. A port may be empty
// ("example.com:"), which RFC 3986 says means the default port.
func splitHostPort(hostport string) (host, port string, err error) {
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return "", "", reasonBadHost
		}
		host, after := hostport[:end+1], hostport[end+1:]
		if after == "" {
			return host, "", nil
		}
		if after[0] != ':' {
			return "", "", reasonBadHost
		}
		return host, after[1:], nil
	}
	host, port, _ = strings.Cut(hostport, ":")
	return host, port, nil
}

// normalizePort returns the port to keep in the address: "" when it is
// absent or the scheme's default, since https://a/ and https://a:443/
// are the same page.
func normalizePort(port, scheme string) (string, error) {
	if port == "" {
		return "", nil
	}
	if len(port) > 5 || strings.TrimLeft(port, "0123456789") != "" {
		return "", reasonBadPort
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return "", reasonBadPort
	}
	if scheme == "http" && n == 80 || scheme == "https" && n == 443 {
		return "", nil
	}
	return strconv.Itoa(n), nil // drops leading zeros: ":0080" is ":80"
}

// normalizeHost returns host in the ASCII, lower-case form that goes on
// the wire: punycode for international names, canonical text for IP
// addresses. A name must have a dot unless it is localhost or an IP
// address.
func normalizeHost(host string) (string, error) {
	if host == "" {
		return "", reasonNoHost
	}
	if host[0] == '[' {
		return normalizeIPv6(host[1 : len(host)-1])
	}
	// Lookup is the profile browsers use: it maps case and full-width
	// characters, and rejects what DNS cannot carry.
	ascii, ok := plainASCIIHost(host)
	if !ok {
		var err error
		if ascii, err = idna.Lookup.ToASCII(host); err != nil {
			return "", reasonBadHost
		}
	}
	name := strings.TrimSuffix(ascii, ".")
	if name == "" {
		return "", reasonNoHost
	}
	if len(name) > 253 {
		return "", reasonBadHost
	}
	labels := strings.Split(name, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "", reasonBadHost
		}
	}
	// A numeric last label means the whole host is meant as an IPv4
	// address (as in browsers), so "1.2.3.999" is an error, not a name.
	if strings.TrimLeft(labels[len(labels)-1], "0123456789") == "" {
		ip, err := netip.ParseAddr(name)
		if err != nil || !ip.Is4() {
			return "", reasonBadHost
		}
		return ip.String(), nil
	}
	// A browser searches for a single word rather than visiting it, and
	// a pasted word ("abc", "Notes") is far more often a stray line than
	// an intranet site; localhost is the one real name without a dot.
	if len(labels) == 1 && name != "localhost" {
		return "", noDot(host)
	}
	return ascii, nil
}

func normalizeIPv6(s string) (string, error) {
	ip, err := netip.ParseAddr(s)
	// Zones ("%eth0") name a network card on this computer; they are not
	// part of a page's address.
	if err != nil || !ip.Is6() || ip.Zone() != "" {
		return "", reasonBadHost
	}
	return "[" + ip.String() + "]", nil
}
