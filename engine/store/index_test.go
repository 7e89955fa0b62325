package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIndexListsEveryPageBySiteNewestFirst(t *testing.T) {
	dir := t.TempDir()
	f := open(t, dir)
	base := time.Date(2026, 11, 24, 14, 2, 0, 0, time.UTC)
	for i, e := range []IndexEntry{
		{Address: "https://a.example/old", Href: "https://a.example/old", Site: "a.example", Title: "Old page", File: "a.example/old.html", Size: 1000},
		{Address: "https://b.example/x", Href: "https://b.example/x", Site: "b.example", Title: "B's page", File: "b.example/x.html", Size: 2000},
		{Address: "https://a.example/new", Href: "https://a.example/new", Site: "a.example", Title: `<script>alert("x")</script> & more`, File: "a.example/new.html", Size: 3_000_000, Missing: 3},
		{Address: "https://a.example/old", Href: "https://a.example/old", Site: "a.example", Title: "Old page, again", File: "a.example/old (2).html", Size: 1100},
	} {
		e.Saved = base.Add(time.Duration(i) * time.Hour)
		if err := f.AddToIndex(e); err != nil {
			t.Fatal(err)
		}
	}
	f.LinkArchive("Pagekeeper.wacz")
	f.Close(true)
	b, err := os.ReadFile(filepath.Join(dir, IndexName))
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	order := []string{"a.example</h2>", "old%20%282%29.html", "Old page, again", "Earlier copy", "&lt;script&gt;alert", "3 resources missing", "b.example</h2>", "B&#39;s page"}
	last := -1
	for _, s := range order {
		i := strings.Index(html, s)
		if i < 0 || i < last {
			t.Fatalf("%q missing or out of order in:\n%s", s, html)
		}
		last = i
	}
	if strings.Contains(html, `<script>alert`) {
		t.Error("a page title went into the index unescaped")
	}
	if !strings.Contains(html, "Pagekeeper.wacz") || !strings.Contains(html, "ReplayWeb.page") {
		t.Error("the web archive is not linked with how to open it")
	}
	if !strings.Contains(html, "3.0 MB") || !strings.Contains(html, "4 copies") {
		t.Errorf("sizes or count missing:\n%s", html)
	}
}

// TestIndexIsRewrittenWhole: a leftover line cut by a crash is skipped and
// the index never holds half a page.
func TestIndexSurvivesACutLine(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".pagekeeper"), 0o700)
	os.WriteFile(filepath.Join(dir, pagesName), []byte(`{"address":"https://x.example/","site":"x.example","file":"x.example/index.html","size":1,"saved":"2026-11-24T14:02:00Z"}`+"\n"+`{"address":"https://x.exa`), 0o644)
	f := open(t, dir)
	f.AddToIndex(IndexEntry{Address: "https://y.example/", Site: "y.example", File: "y.example/index.html", Saved: time.Now()})
	f.Close(true)
	b, _ := os.ReadFile(filepath.Join(dir, IndexName))
	if !strings.Contains(string(b), "x.example/index.html") || !strings.Contains(string(b), "y.example/index.html") {
		t.Errorf("index:\n%s", b)
	}
}

// BenchmarkIndex10k rewrites the index of a folder of 10,000 pages.
func BenchmarkIndex10k(b *testing.B) {
	var entries []IndexEntry
	for i := range 10000 {
		entries = append(entries, IndexEntry{
			Address: fmt.Sprintf("https://site%d.example/article/%d", i%50, i), Href: fmt.Sprintf("https://site%d.example/article/%d", i%50, i),
			Site: fmt.Sprintf("site%d.example", i%50), Title: fmt.Sprintf("Article number %d", i),
			File: fmt.Sprintf("site%d.example/article_%d.html", i%50, i), Size: int64(1000 * i), Saved: time.Unix(int64(1700000000+i), 0),
		})
	}
	for range b.N {
		if err := writeIndex(io.Discard, entries, "", time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKeptPagesOutsideTheFolderAreIgnored: a line of pages.jsonl naming a
// file outside the folder (damaged or planted) is never listed or linked.
func TestKeptPagesOutsideTheFolderAreIgnored(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".pagekeeper"), 0o700)
	lines := `{"address":"https://a/","file":"a/index.html"}
{"address":"https://b/","file":"../../etc/passwd"}
{"address":"https://c/","file":"/etc/passwd"}
{"address":"https://d/","file":"d/../../x.html"}
`
	os.WriteFile(filepath.Join(dir, ".pagekeeper", "pages.jsonl"), []byte(lines), 0o600)
	f := open(t, dir)
	defer f.Close(true)
	kept, err := f.keptPages()
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || kept[0].File != "a/index.html" {
		t.Errorf("kept %+v", kept)
	}
}
