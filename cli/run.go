package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"pagekeeper/engine"
	"pagekeeper/engine/listfile"
)

// Exit codes.
const (
	ExitOK         = 0 // everything was kept
	ExitIncomplete = 1 // something failed, was canceled or is not listed in the manifest
	ExitBadInput   = 2 // the command line, the list or the folder cannot be used
	ExitQuit       = 130
)

// Run runs the engine over the addresses in opts.Input, printing one line
// per finished job and a summary. Ctrl-C, SIGTERM and SIGHUP stop the run
// cleanly (a second one quits at once). It returns the process exit code.
func Run(opts Options, stdin io.Reader, stdout, stderr io.Writer) int {
	// Signals first: a stop asked for while the folder is being opened
	// must still leave nothing half-written.
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	return run(opts, stdin, stdout, stderr, signals)
}

func run(opts Options, stdin io.Reader, stdout, stderr io.Writer, signals <-chan os.Signal) int {
	if opts.Output == "" {
		fmt.Fprintln(stderr, "pagekeeper: -o FOLDER is required")
		return ExitBadInput
	}
	cfg, err := opts.config()
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return ExitBadInput
	}
	e, err := engine.New(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return ExitBadInput
	}
	defer func() {
		if err := e.Close(); err != nil {
			fmt.Fprintln(stderr, "pagekeeper:", err)
		}
	}()
	if n := e.Notice(); n != "" {
		fmt.Fprintln(stderr, "pagekeeper:", n)
	}
	if opts.Fresh {
		if err := e.Forget(); err != nil {
			fmt.Fprintln(stderr, "pagekeeper:", err)
			return ExitBadInput
		}
	}
	p := newPrinter(e, stdout) // only what ends from now on is printed
	if opts.Input != "" {
		added, stopped, err := readList(e, opts.Input, stdin, signals, stderr)
		if stopped {
			fmt.Fprintln(stderr, "pagekeeper: stopped while reading the list; the addresses read so far are in the folder's list")
			return ExitIncomplete
		}
		if err != nil {
			fmt.Fprintln(stderr, "pagekeeper:", err)
			return ExitBadInput
		}
		listed := retryListed(e, added, stderr)
		for _, r := range added.Rejected {
			if r.InList == 0 {
				fmt.Fprintf(stderr, "line %d skipped: %s (%s)\n", r.Line, r.Reason, r.Text)
			}
		}
		if len(added.Accepted)+listed == 0 {
			fmt.Fprintln(stderr, "pagekeeper: the list holds no web address to keep")
			return ExitBadInput
		}
	}
	if left := e.Snapshot().Totals; left.Counts[engine.Queued]+left.Counts[engine.Canceled] == 0 {
		if failed := left.Counts[engine.Failed]; failed > 0 && opts.Input == "" {
			fmt.Fprintf(stderr, "pagekeeper: nothing left to do, but %d addresses in this folder's list failed; give them again with -i to retry them\n", failed)
			return ExitIncomplete
		}
		if opts.Input == "" {
			fmt.Fprintln(stderr, "pagekeeper: nothing left to do in this folder's list; give addresses with -i")
		} else {
			fmt.Fprintln(stderr, "pagekeeper: nothing left to do: every address given is already kept in this folder's list")
		}
		return ExitOK
	}

	start := time.Now()
	if err := e.Start(context.Background(), engine.FinishWhenDone()); err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return ExitBadInput
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	interrupted := false
	for done := false; !done; {
		select {
		case <-e.Done():
			done = true
		case <-tick.C:
			p.report()
		case <-signals:
			if interrupted {
				fmt.Fprintln(stderr, "pagekeeper: quitting at once")
				os.Exit(ExitQuit)
			}
			interrupted = true
			fmt.Fprintln(stderr, "pagekeeper: stopping (press Ctrl-C again to quit at once)")
			e.Stop()
		}
	}
	s := p.report()
	t := s.Totals
	if s.Problem != "" {
		fmt.Fprintln(stderr, "pagekeeper:", s.Problem)
		if t.Finished() == 0 {
			return ExitBadInput // the run could not start
		}
	}
	fmt.Fprintln(stdout, summary(t, time.Since(start)))
	if t.NotListed > 0 {
		fmt.Fprintf(stderr, "pagekeeper: %d saved pages are not listed in manifest.csv: check the disk\n", t.NotListed)
	}
	if t.Counts[engine.Failed] > 0 || t.Counts[engine.Canceled] > 0 || t.NotListed > 0 || s.Problem != "" {
		return ExitIncomplete
	}
	return ExitOK
}

// readList adds the list like addList while listening for signals: the
// first stops the reading (what was read stays in the folder's list), a
// second quits at once. Standard input may never end, so a stop does not
// wait for its next line.
func readList(e *engine.Engine, name string, stdin io.Reader, signals <-chan os.Signal, stderr io.Writer) (engine.AddResult, bool, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		added engine.AddResult
		err   error
	}
	done := make(chan result, 1)
	go func() {
		added, err := addList(ctx, e, name, stdin)
		done <- result{added, err}
	}()
	for {
		select {
		case r := <-done:
			return r.added, ctx.Err() != nil, r.err
		case <-signals:
			if ctx.Err() != nil {
				fmt.Fprintln(stderr, "pagekeeper: quitting at once")
				os.Exit(ExitQuit)
			}
			cancel()
			if name == "-" {
				return engine.AddResult{}, true, nil
			}
		}
	}
}

// retryListed queues again the addresses of the list that this folder's
// list already holds as failed (giving an address again means "keep
// it"), and returns how many of the list's addresses it already holds.
func retryListed(e *engine.Engine, added engine.AddResult, stderr io.Writer) int {
	listed := map[int]bool{}
	for _, r := range added.Rejected {
		if r.InList > 0 {
			listed[r.InList] = true
		}
	}
	if len(listed) == 0 {
		return 0
	}
	var failed []int
	for _, j := range e.Snapshot().Jobs {
		if listed[j.ID] && j.State == engine.Failed {
			failed = append(failed, j.ID)
		}
	}
	if n, _ := e.Retry(failed...); n > 0 {
		fmt.Fprintf(stderr, "pagekeeper: trying again %d addresses that failed before\n", n)
	}
	return len(listed)
}

// addList reads the list (a text, CSV or bookmarks file, or standard
// input for "-") entry by entry into e, never holding the whole file.
func addList(ctx context.Context, e *engine.Engine, name string, stdin io.Reader) (engine.AddResult, error) {
	var r io.Reader = stdin
	shown := "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return engine.AddResult{}, fmt.Errorf("cannot read the addresses: %s cannot be opened", name)
		}
		defer f.Close()
		r, shown = f, name
	}
	l, err := listfile.Open(r, shown)
	if err != nil {
		return engine.AddResult{}, err
	}
	res, err := e.AddEntries(ctx, l.Entries(ctx))
	if err == nil {
		err = l.Err()
	}
	return res, err
}
