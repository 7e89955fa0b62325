package engine

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/page/pagetest"
	"pagekeeper/engine/store"
	"pagekeeper/engine/warc"
	"pagekeeper/engine/warc/warctest"
)

// TestWebArchiveOfARun keeps complete pages and a web archive of the same
// fetches: every exchange (pages, resources, redirect hops, a 404) is in
// WARC files that read back strictly, and the WACZ package lists every
// saved page and is linked from index.html.
func TestWebArchiveOfARun(t *testing.T) {
	site := pagetest.New(t)
	srv := enginetest.New(t)
	cfg := completeConfig(t)
	cfg.WACZ = true
	e := newEngine(t, cfg)
	pages := []string{site.URL("/typical.html"), site.URL("/fonts.html"), srv.URLFor("/moved", enginetest.Knobs{Redirect: 2})}
	gone := srv.URLFor("/gone", enginetest.Knobs{Status: 404})
	addAll(t, e, append(pages, gone)...)
	s := runToEnd(t, e)
	if s.Problem != "" || s.Totals.Counts[Saved] != 3 || s.Totals.Counts[Failed] != 1 {
		t.Fatalf("problem %q, counts %v", s.Problem, s.Totals.Counts)
	}
	v, err := warc.Verify(filepath.Join(cfg.OutputDir, "archive"))
	if err != nil {
		t.Fatalf("the WARC files do not read back: %v", err)
	}
	// The redirect adds 2 exchanges, the 404 one, the complete pages their
	// resources (fonts, images, styles).
	if v.Open != 0 || v.Infos != v.Files || v.Requests != v.Responses+v.Revisits || v.Responses < 15 {
		t.Errorf("%+v", v)
	}
	name := filepath.Base(cfg.OutputDir) + ".wacz"
	z, err := zip.OpenReader(filepath.Join(cfg.OutputDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	for _, want := range []string{"indexes/index.cdx", "pages/pages.jsonl", "datapackage.json", "datapackage-digest.json"} {
		if files[want] == nil {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	rc, _ := files["pages/pages.jsonl"].Open()
	list, _ := io.ReadAll(rc)
	rc.Close()
	if n := strings.Count(string(list), "\n"); n != 4 { // the header and 3 pages
		t.Errorf("pages.jsonl:\n%s", list)
	}
	if !strings.Contains(string(list), "A typical article") {
		t.Errorf("page titles missing from pages.jsonl:\n%s", list)
	}
	index, _ := os.ReadFile(filepath.Join(cfg.OutputDir, store.IndexName))
	if !strings.Contains(string(index), `href="`+name+`"`) {
		t.Errorf("index.html does not link %s", name)
	}
}

// TestWebArchiveOfSpilledPages: pages too big for memory are kept in the
// very file they spilled to, while the web archive still reads that file;
// making them durable must not close it under the archive.
func TestWebArchiveOfSpilledPages(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.WARC = true
	cfg.MemoryLimit = 64 << 10
	e := newEngine(t, cfg)
	addAll(t, e, srv.Paths(12, enginetest.Knobs{Size: 1 << 20, ContentType: "application/octet-stream"})...)
	s := runToEnd(t, e)
	if s.Problem != "" || s.Totals.Counts[Saved] != 12 {
		t.Fatalf("problem %q, counts %v", s.Problem, s.Totals.Counts)
	}
	v, err := warc.Verify(filepath.Join(cfg.OutputDir, "archive"))
	if err != nil {
		t.Fatalf("the WARC files do not read back: %v", err)
	}
	if v.Open != 0 || v.Responses != 12 {
		t.Errorf("%+v", v)
	}
}

// TestLeftOutExchangesAreReported: an exchange the web archive had to
// leave out is told to the user at the end of the run, not lost quietly.
func TestLeftOutExchangesAreReported(t *testing.T) {
	rec, err := warc.Open(t.TempDir(), warc.Info{Software: "Pagekeeper"})
	if err != nil {
		t.Fatal(err)
	}
	bad := warctest.Synthetic("http://example.com/x", 200, nil, []byte("x"))
	bad.TargetURI = "http://example.com/x\r\nWARC-Type: metadata"
	if err := rec.Record(context.Background(), bad); err != nil {
		t.Fatal(err)
	}
	e := &Engine{}
	err = e.finishArchive(&runState{recorder: rec})
	if err == nil || err.Error() != "One download could not be added to the web archive; the saved files are complete." {
		t.Errorf("problem %v", err)
	}
}

// TestWACZNameIsSafeEverywhere: the package takes the folder's name, made
// safe as every file name is (a reserved Windows name, a hidden name).
func TestWACZNameIsSafeEverywhere(t *testing.T) {
	for dir, want := range map[string]string{
		"/home/ann/My pages": "My pages.wacz",
		"/home/ann/con":      "con_.wacz",
		"/home/ann/.pages":   "_.pages.wacz",
		"/":                  "archive.wacz",
	} {
		if got := waczName(dir); got != want {
			t.Errorf("waczName(%q) = %q, want %q", dir, got, want)
		}
	}
}
