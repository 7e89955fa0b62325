// Command pecheck checks that a Windows executable is what we ship: built
// for x86-64, a GUI program (no console window), with an icon and a
// version resource that matches the given version.
//
//	go run ./packaging/pecheck -version 0.1.0 Pagekeeper.exe
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	version := flag.String("version", "", "the version (x.y.z) the file must carry")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-version X.Y.Z] FILE.exe")
		os.Exit(2)
	}
	path := flag.Arg(0)
	r, err := Inspect(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: x86-64 %v, GUI %v, %d icon images in %d groups, %d manifest, version %s\n",
		path, r.AMD64, r.GUI, r.Icons, r.IconGroups, r.Manifests, r.FileVersion)
	if p := r.Problems(*version); len(p) > 0 {
		for _, s := range p {
			fmt.Fprintf(os.Stderr, "pecheck: %s: %s\n", path, s)
		}
		os.Exit(1)
	}
}
