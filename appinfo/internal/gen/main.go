// Command gen writes appinfo/metadata_gen.go from FyneApp.toml and LICENSE.
// It runs from "go generate ./appinfo" (in the appinfo folder). With
// -print it writes one value instead, for the release scripts:
//
//	go run ./appinfo/internal/gen -root . -print version
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"pagekeeper/appinfo/internal/fyneapp"
)

func main() {
	root := flag.String("root", "..", "the module's root folder, which holds FyneApp.toml")
	show := flag.String("print", "", "print one value (name, id, version or website) instead of writing metadata_gen.go")
	flag.Parse()
	info, err := fyneapp.Read(*root)
	if err != nil {
		fail(err)
	}
	if *show != "" {
		v, ok := map[string]string{"name": info.Name, "id": info.ID, "version": info.Version, "website": info.Website}[*show]
		if !ok {
			fail(fmt.Errorf("-print takes name, id, version or website, not %q", *show))
		}
		fmt.Println(v)
		return
	}
	src, err := info.GoSource()
	if err == nil {
		err = os.WriteFile(filepath.Join(*root, "appinfo", "metadata_gen.go"), src, 0o644)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "appinfo:", err)
	os.Exit(1)
}
