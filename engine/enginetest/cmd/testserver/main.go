// Command testserver runs the enginetest loopback server on its own, for
// tests that drive the real app from outside (the window smoke test). It
// writes n addresses to -urls and serves until interrupted or terminated.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"pagekeeper/engine/enginetest"
)

func main() {
	urls := flag.String("urls", "", "file to write the addresses to (required)")
	n := flag.Int("n", 10, "how many addresses")
	size := flag.Int64("size", 20000, "body size in bytes")
	drip := flag.Duration("drip", 0, "delay between 1 KiB pieces of each body")
	latency := flag.Duration("latency", 0, "delay before each answer")
	ctype := flag.String("type", "", "Content-Type of the bodies (default text/html)")
	flag.Parse()
	if *urls == "" {
		fmt.Fprintln(os.Stderr, "testserver: -urls FILE is required")
		os.Exit(2)
	}
	srv := enginetest.Start(os.Stderr)
	defer srv.Close()
	list := srv.Paths(*n, enginetest.Knobs{Size: *size, Drip: *drip, Latency: *latency, ContentType: *ctype})
	if err := os.WriteFile(*urls, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "testserver:", err)
		os.Exit(1)
	}
	fmt.Println(srv.URL)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	select {
	case <-stop:
	case <-time.After(10 * time.Minute): // never outlive a forgotten script
	}
}
