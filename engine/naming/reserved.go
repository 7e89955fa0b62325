package naming

import (
	"strings"
	"unicode"
)

// reserved are the names Windows maps to devices whatever the extension
// ("con.txt" opens the console). The superscript digits are on the list
// because Windows treats them as digits here.
var reserved = func() map[string]bool {
	m := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		m["COM"+d] = true
		m["LPT"+d] = true
	}
	return m
}()

// reservedBase returns the part of name Windows compares with its device
// names (before the first dot, ignoring trailing spaces) and whether it
// is one of them.
func reservedBase(name string) (base string, isReserved bool) {
	base, _, _ = strings.Cut(name, ".")
	base = strings.TrimRightFunc(base, unicode.IsSpace)
	return base, reserved[strings.ToUpper(base)]
}

// unreserve appends "_" to a reserved base name: "con.txt" becomes
// "con_.txt", which reads the same to a person.
func unreserve(name string) string {
	base, isReserved := reservedBase(name)
	if !isReserved {
		return name
	}
	return base + "_" + name[len(base):]
}
