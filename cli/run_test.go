package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pagekeeper/engine/enginetest"
)

func TestHeadlessKeepsPagesAndReports(t *testing.T) {
	srv := enginetest.New(t)
	out := t.TempDir()
	good := srv.URLFor("/article", enginetest.Knobs{Size: 5000})
	missing := srv.URLFor("/gone", enginetest.Knobs{Status: 404})
	in := strings.NewReader(good + "\n" + missing + "\nnot a web address\n")
	var stdout, stderr bytes.Buffer
	code := Run(Options{Input: "-", Output: out, Downloaders: 2, Savers: 1, PerHost: 2, Format: "served"}, in, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d, want 1 because one page failed", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("stdout:\n%s", stdout.String())
	}
	if !strings.Contains(stdout.String(), "saved    "+good) || !strings.Contains(stdout.String(), "failed   "+missing+": The page was not found (HTTP 404)") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	if !strings.HasPrefix(lines[2], "1 saved, 1 failed, 0 skipped, 0 canceled") {
		t.Errorf("summary %q", lines[2])
	}
	if !strings.Contains(stderr.String(), "line 3 skipped") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	folder := strings.ReplaceAll(strings.TrimPrefix(srv.URL, "http://"), ":", "_")
	files, _ := filepath.Glob(filepath.Join(out, folder, "article*.html"))
	if len(files) != 1 {
		t.Fatalf("kept files %v, want one article", files)
	}
	if b, err := os.ReadFile(files[0]); err != nil || len(b) != 5000 {
		t.Errorf("%s: %v, %d bytes", files[0], err, len(b))
	}
}

func TestHeadlessRefusesBadInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	for name, opts := range map[string]Options{
		"no folder":   {Input: "-", Downloaders: 1, Savers: 1, PerHost: 1},
		"no file":     {Input: filepath.Join(t.TempDir(), "missing.txt"), Output: t.TempDir(), Downloaders: 1, Savers: 1, PerHost: 1},
		"bad workers": {Input: "-", Output: t.TempDir(), Downloaders: 99, Savers: 1, PerHost: 1},
		"no workers":  {Input: "-", Output: t.TempDir(), Downloaders: 0, Savers: 1, PerHost: 1},
		"bad format":  {Input: "-", Output: t.TempDir(), Downloaders: 1, Savers: 1, PerHost: 1, Format: "pdf"},
	} {
		if code := Run(opts, strings.NewReader("example.com"), &stdout, &stderr); code != 2 {
			t.Errorf("%s: exit code %d, want 2", name, code)
		}
	}
	if code := Run(Options{Input: "-", Output: t.TempDir(), Downloaders: 1, Savers: 1, PerHost: 1}, strings.NewReader("ftp://x\n"), &stdout, &stderr); code != 2 {
		t.Errorf("nothing to keep: exit code %d, want 2", code)
	}
}

// TestHeadlessRunAgain: the same command run again on the same folder
// tries again what failed, and says all is well when all is kept.
func TestHeadlessRunAgain(t *testing.T) {
	srv := enginetest.New(t)
	out := t.TempDir()
	good := srv.URLFor("/article", enginetest.Knobs{Size: 5000})
	missing := srv.URLFor("/gone", enginetest.Knobs{Status: 404})
	opts := Options{Input: "-", Output: out, Downloaders: 2, Savers: 1, PerHost: 2, Format: "served"}
	run := func(list string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := Run(opts, strings.NewReader(list), &stdout, &stderr)
		return code, stderr.String()
	}
	if code, _ := run(good + "\n" + missing + "\n"); code != ExitIncomplete {
		t.Fatalf("first run: exit %d", code)
	}
	before := srv.Requests()
	code, stderr := run(good + "\n" + missing + "\n")
	if code != ExitIncomplete || !strings.Contains(stderr, "trying again 1 addresses") || srv.Requests() != before+1 {
		t.Errorf("again with a failed page: exit %d, %d requests\n%s", code, srv.Requests()-before, stderr)
	}
	if code, stderr := run(good + "\n"); code != ExitOK || !strings.Contains(stderr, "already kept") {
		t.Errorf("again with a kept page: exit %d\n%s", code, stderr)
	}
	opts.Input = ""
	if code, stderr := run(""); code != ExitIncomplete || !strings.Contains(stderr, "1 addresses in this folder's list failed") {
		t.Errorf("going on with a failed page left: exit %d\n%s", code, stderr)
	}
}
