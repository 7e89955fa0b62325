package naming

import (
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// FoldKey returns the key under which names collide on a case-insensitive
// file system (Windows and macOS by default): two names with the same key
// must not be used in one folder.
//
// Full case folding also merges a few names those systems keep apart
// ("ß" and "ss"); that only costs an extra " (2)", whereas missing a
// real collision would overwrite a page.
func FoldKey(name string) string {
	// A Caser keeps state, so each call gets its own to stay safe for
	// concurrent downloads.
	return norm.NFC.String(cases.Fold().String(norm.NFC.String(name)))
}
