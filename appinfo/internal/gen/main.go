// Command gen writes appinfo/metadata_gen.go from FyneApp.toml and LICENSE.
// It runs from "go generate ./appinfo" (in the appinfo folder).
package main

import (
	"fmt"
	"os"

	"pagekeeper/appinfo/internal/fyneapp"
)

func main() {
	info, err := fyneapp.Read("..")
	if err == nil {
		var src []byte
		if src, err = info.GoSource(); err == nil {
			err = os.WriteFile("metadata_gen.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "appinfo: cannot write metadata_gen.go:", err)
		os.Exit(1)
	}
}
