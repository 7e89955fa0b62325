// Package appinfo is what Pagekeeper knows about itself: its name, ID,
// version, web address and license. The values are written in one place,
// FyneApp.toml (and LICENSE); metadata_gen.go is generated from them and a
// test fails when the two disagree. Change the version in FyneApp.toml,
// then run "go generate ./appinfo".
//
// It imports nothing but the standard library, so the window, the engine
// and the graphics-free command line can all use it.
package appinfo

import "runtime"

//go:generate go run ./internal/gen

// VersionLine is what "-version" prints: the name and version, then the
// program and the system it was built for, which is what a bug report
// needs.
func VersionLine(program string) string {
	return Name + " " + Version + " (" + program + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")"
}
