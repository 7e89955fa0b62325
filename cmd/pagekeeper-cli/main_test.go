package main

import (
	"bytes"
	"debug/elf"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.uber.org/goleak"

	"pagekeeper/appinfo"
	"pagekeeper/engine/enginetest"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.Cleanup(func(int) {
		if built.dir != "" {
			os.RemoveAll(built.dir)
		}
	}))
}

// built is the command, built once for all the tests.
var built struct {
	once      sync.Once
	dir, path string
	failure   string
}

// build builds this command the way it is released: no cgo.
func build(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "pagekeeper-cli-test-")
		if err != nil {
			built.failure = err.Error()
			return
		}
		built.dir = dir
		bin := filepath.Join(dir, "pagekeeper-cli")
		cmd := exec.Command("go", "build", "-o", bin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			built.failure = fmt.Sprintf("go build with CGO_ENABLED=0 failed: %v\n%s", err, out)
			return
		}
		built.path = bin
	})
	if built.path == "" {
		t.Fatal(built.failure)
	}
	return built.path
}

// localeEnv is the environment with the C locale, where Fyne's locale
// lookup used to print "Error parsing user locale".
func localeEnv(locale string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANGUAGE=") {
			env = append(env, kv)
		}
	}
	return append(env, "LANG="+locale)
}

func TestNeedsNoGraphicsLibraries(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "fyne.io/") || strings.HasPrefix(pkg, "github.com/go-gl/") || pkg == "pagekeeper/gui" {
			t.Errorf("the command-line build imports %s", pkg)
		}
	}
	if runtime.GOOS != "linux" {
		return
	}
	f, err := elf.Open(build(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, _ := f.ImportedLibraries()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("the binary asks for a dynamic loader (libraries %v): it would not start on a machine without them", libs)
		}
	}
	if len(libs) > 0 {
		t.Errorf("the binary links %v", libs)
	}
}

func TestPrintsTheOneVersion(t *testing.T) {
	bin := build(t)
	for _, locale := range []string{"C", "C.UTF-8", "POSIX", "en_US.UTF-8"} {
		cmd := exec.Command(bin, "-version")
		cmd.Env = localeEnv(locale)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("LANG=%s -version: %v\n%s", locale, err, stderr.String())
		}
		if got, want := strings.TrimSpace(stdout.String()), appinfo.VersionLine("pagekeeper-cli"); got != want {
			t.Errorf("LANG=%s -version printed %q, want %q", locale, got, want)
		}
		if stderr.Len() > 0 {
			t.Errorf("LANG=%s -version wrote to stderr: %q", locale, stderr.String())
		}
	}
}

// TestKeepsALoopbackSite is the release build end to end: a list of pages
// from a loopback server in the C locale, saved as complete pages, listed
// in the manifest and the index, and not a word on stderr.
func TestKeepsALoopbackSite(t *testing.T) {
	bin := build(t)
	srv := enginetest.New(t)
	urls := srv.Paths(6, enginetest.Knobs{Size: 3000})
	list := filepath.Join(t.TempDir(), "urls.txt")
	if err := os.WriteFile(list, []byte(strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "kept")
	cmd := exec.Command(bin, "-i", list, "-o", out, "-downloaders", "3", "-savers", "2")
	cmd.Env = localeEnv("C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("a run where everything was kept wrote to stderr (LANG=C):\n%s", stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != len(urls)+1 || !strings.HasPrefix(lines[len(lines)-1], "6 saved, 0 failed") {
		t.Fatalf("stdout:\n%s", stdout.String())
	}
	for _, u := range urls {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "saved    "+u+" → ") }) {
			t.Errorf("no saved line for %s:\n%s", u, stdout.String())
		}
	}

	m, err := os.Open(filepath.Join(out, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	rows, err := csv.NewReader(m).ReadAll()
	if err != nil {
		t.Fatalf("manifest.csv: %v", err)
	}
	saved := 0
	for _, row := range rows[1:] {
		if slices.Contains(row, "Saved") {
			saved++
			file := row[slices.Index(rows[0], "file")]
			if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(file))); err != nil || st.Size() == 0 {
				t.Errorf("manifest lists %s: %v", file, err)
			}
		}
	}
	if saved != len(urls) {
		t.Errorf("manifest has %d saved rows, want %d:\n%v", saved, len(urls), rows)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("no index: %v", err)
	}
}

// TestWordsWithoutAFlagAreRefused: a list named without -i is refused
// with words, not ignored with "nothing left to do" and success.
func TestWordsWithoutAFlagAreRefused(t *testing.T) {
	cmd := exec.Command(build(t), "-o", t.TempDir(), "urls.txt")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if cmd.ProcessState.ExitCode() != 2 || !strings.Contains(stderr.String(), `unexpected "urls.txt": give the list of addresses with -i FILE`) {
		t.Errorf("exit %v\n%s", err, stderr.String())
	}
}
