// Command icongen draws the Pagekeeper application icon and writes it as a
// 1024×1024 PNG. It uses only the standard library and its output is
// deterministic, so the committed resources/icon.png can be checked against it.
//
// Usage (from the resources folder, or via go generate):
//
//	go run ./icongen -o icon.png
package main

import (
	"flag"
	"fmt"
	"os"

	"pagekeeper/resources/internal/icondraw"
)

func main() {
	out := flag.String("o", "icon.png", "path of the PNG file to write")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "icongen:", err)
		os.Exit(1)
	}
}

func write(path string) error {
	data, err := icondraw.PNG()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
