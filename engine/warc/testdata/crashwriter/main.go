// Command crashwriter records exchanges into a folder in an endless loop,
// printing "recorded N" after each one is handed to the recorder, until it
// is killed. The crash test kills it at different moments and checks that
// the folder reads back clean afterwards.
package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"

	"pagekeeper/engine/warc"
	"pagekeeper/engine/warc/warctest"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: crashwriter <archive folder> <seed>")
		os.Exit(2)
	}
	seed, _ := strconv.ParseUint(os.Args[2], 10, 64)
	r, err := warc.OpenWithOptions(os.Args[1], warc.Info{Software: "crashwriter", Version: "1"},
		warc.Options{MaxFileSize: 3 << 20, QueueLength: 2})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	// Bodies are cut from a pool of random bytes, so making them costs
	// nothing and the writer, not this loop, sets the pace: a kill then
	// mostly lands while a record is being written.
	pool := make([]byte, 8<<20)
	for j := range pool {
		pool[j] = byte(rng.Uint32())
	}
	var earlier [][]byte
	for i := 0; ; i++ {
		var body []byte
		if i%5 == 4 && len(earlier) > 0 {
			body = earlier[rng.IntN(len(earlier))] // a revisit
		} else {
			// Incompressible bodies up to 768 KiB keep the writer busy
			// long enough for a kill to land inside a record.
			n := 1024 + rng.IntN(768<<10)
			at := rng.IntN(len(pool) - n)
			body = pool[at : at+n]
			if len(earlier) < 8 {
				earlier = append(earlier, body)
			}
		}
		ex := warctest.Synthetic(fmt.Sprintf("http://example.com/%d/%d", seed, i), 200,
			[]string{"Content-Type: application/octet-stream"}, body)
		if err := r.Record(context.Background(), ex); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("recorded %d\n", i)
	}
}
