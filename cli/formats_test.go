package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pagekeeper/engine/page/pagetest"
)

// TestHeadlessKeepsCompletePagesFromABookmarksFile: the default format is
// the complete page, and a browser's bookmarks export is a list like any
// other.
func TestHeadlessKeepsCompletePagesFromABookmarksFile(t *testing.T) {
	site := pagetest.New(t)
	dir := t.TempDir()
	marks := filepath.Join(dir, "bookmarks.html")
	os.WriteFile(marks, []byte(fmt.Sprintf(`<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
<DL><p>
  <DT><H3>Reading</H3>
  <DL><p>
    <DT><A HREF="%s" ADD_DATE="1700000000">Typical</A>
    <DT><A HREF="%s" ADD_DATE="1700000001">Fonts</A>
  </DL><p>
</DL><p>`, site.URL("/typical.html"), site.URL("/fonts.html"))), 0o644)
	out := filepath.Join(dir, "kept")
	var stdout, stderr bytes.Buffer
	code := Run(Options{Input: marks, Output: out, Downloaders: 4, Savers: 2, PerHost: 4, KeepScripts: true}, nil, &stdout, &stderr)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if !strings.HasPrefix(strings.Split(stdout.String(), "\n")[2], "2 saved") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*", "typical*.html"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if !bytes.Contains(b, []byte("Content-Security-Policy")) || !bytes.Contains(b, []byte("data:image/")) {
		t.Error("the page was not kept as a complete page")
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error("no index.html")
	}
}
