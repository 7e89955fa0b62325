package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"pagekeeper/engine"
)

// headlessOptions are the command-line settings of a run without a window.
type headlessOptions struct {
	input       string
	output      string
	downloaders int
	savers      int
	perHost     int
}

func (o *headlessOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.input, "i", "-", "file of addresses, one per line (- for standard input)")
	fs.StringVar(&o.output, "o", "", "folder to keep the pages in (required)")
	fs.IntVar(&o.downloaders, "downloaders", 8, "download workers (1-64)")
	fs.IntVar(&o.savers, "savers", 2, "save workers (1-16)")
	fs.IntVar(&o.perHost, "per-host", 4, "requests at once to one site")
}

// runHeadless runs the engine over the addresses in opts.input, printing one
// line per finished job and a summary. Ctrl-C stops the run (a second one
// quits at once). It returns the process exit code: 0 when everything was
// kept, 1 when any job failed or was canceled, 2 for bad input.
func runHeadless(opts headlessOptions, stdin io.Reader, stdout, stderr io.Writer) int {
	if opts.output == "" {
		fmt.Fprintln(stderr, "pagekeeper: -o FOLDER is required with -headless")
		return 2
	}
	text, err := readInput(opts.input, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return 2
	}
	e, err := engine.New(engine.Config{
		OutputDir: opts.output, DownloadWorkers: opts.downloaders,
		SaveWorkers: opts.savers, PerHost: opts.perHost,
	})
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return 2
	}
	added, err := e.Add(text)
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return 2
	}
	for _, r := range added.Rejected {
		fmt.Fprintf(stderr, "line %d skipped: %s (%s)\n", r.Line, r.Reason, r.Text)
	}
	if len(added.Accepted) == 0 {
		fmt.Fprintln(stderr, "pagekeeper: no addresses to keep")
		return 2
	}

	interrupts := make(chan os.Signal, 2)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)

	start := time.Now()
	if err := e.Start(context.Background()); err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return 2
	}
	e.Drain()
	printed := map[int]bool{}
	var version uint64
	report := func() engine.Snapshot {
		s := e.Changes(version)
		version = s.Version
		for _, j := range s.Jobs {
			if j.State.Final() && !printed[j.ID] {
				printed[j.ID] = true
				fmt.Fprintln(stdout, jobLine(j))
			}
		}
		return s
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	interrupted := false
	for done := false; !done; {
		select {
		case <-e.Done():
			done = true
		case <-tick.C:
			report()
		case <-interrupts:
			if interrupted {
				fmt.Fprintln(stderr, "pagekeeper: quitting at once")
				os.Exit(130)
			}
			interrupted = true
			fmt.Fprintln(stderr, "pagekeeper: stopping (press Ctrl-C again to quit at once)")
			e.Stop()
		}
	}
	s := report()
	t := s.Totals
	fmt.Fprintf(stdout, "%d saved, %d failed, %d skipped, %d canceled · %s in %s\n",
		t.Counts[engine.Saved], t.Counts[engine.Failed], t.Counts[engine.Skipped], t.Counts[engine.Canceled],
		humanize.Bytes(uint64(t.Bytes)), time.Since(start).Round(time.Millisecond))
	if t.Counts[engine.Failed] > 0 || t.Counts[engine.Canceled] > 0 {
		return 1
	}
	return 0
}

func readInput(name string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", fmt.Errorf("cannot read the addresses: %w", err)
	}
	return string(b), nil
}

// jobLine is one finished job as a line of text.
func jobLine(j engine.JobStatus) string {
	switch j.State {
	case engine.Saved:
		return fmt.Sprintf("saved    %s → %s (%s)", j.URL, j.SavedPath, humanize.Bytes(uint64(j.Done)))
	default:
		return fmt.Sprintf("%-8s %s: %s", strings.ToLower(j.State.String()), j.URL, j.Message)
	}
}
