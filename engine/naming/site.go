package naming

import (
	"net/url"
	"strings"

	"golang.org/x/net/idna"
)

// noSiteFolder holds pages whose address has no host, which a web address
// always has; it exists so a bad address still gets a safe folder.
const noSiteFolder = "no-site-name"

// SiteFolder returns the folder name for the site of u: its host in the
// readable Unicode form ("bücher.example", not "xn--bcher-kva.example"),
// with a port written "_8080" because ':' is not allowed on Windows. The
// result passes Safe and is at most MaxFolderBytes bytes.
func SiteFolder(u *url.URL) string {
	if u == nil || u.Hostname() == "" {
		return noSiteFolder
	}
	host := strings.ToLower(u.Hostname())
	if uni, err := idna.ToUnicode(host); err == nil {
		host = uni
	}
	port := u.Port()
	if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
		// No port, or junk a hand-made URL put there: keep it readable
		// but let Safe deal with it as part of the name.
		return Safe(host+portPart(port), MaxFolderBytes)
	}
	// Cut the host, never the port, so two ports of one long host name
	// still get different folders.
	return Safe(host, MaxFolderBytes-len(port)-1) + "_" + port
}

func portPart(port string) string {
	if port == "" {
		return ""
	}
	return "_" + port
}
