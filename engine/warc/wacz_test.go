package warc

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"pagekeeper/engine/warc/warctest"
)

// recordSiteWACZ records the test site into out/archive and builds
// out/<name>.wacz with the page in the page list. It returns the page's
// address.
func recordSiteWACZ(t *testing.T, site *warctest.Site, out, name string) string {
	t.Helper()
	r, err := Open(filepath.Join(out, "archive"), testInfo)
	if err != nil {
		t.Fatal(err)
	}
	var rel warctest.Releases
	exs := recordSite(t, r, site, &rel)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	page := site.URL + warctest.PagePath
	var pages []Page
	for _, ex := range exs {
		if ex.TargetURI == page {
			pages = append(pages, Page{URL: page, Title: warctest.PageTitle, TS: ex.Started})
			break
		}
	}
	if err := BuildWACZ(out, name, pages); err != nil {
		t.Fatal(err)
	}
	return page
}

type cdxjLine struct {
	key, ts string
	f       cdxjFields
}

func readZipFile(t *testing.T, zr *zip.Reader, name string) []byte {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBuildWACZ(t *testing.T) {
	site := warctest.NewSite()
	defer site.Close()
	out := t.TempDir()
	page := recordSiteWACZ(t, site, out, "kept")

	data, err := os.ReadFile(filepath.Join(out, "kept.wacz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "archive", "*.warc.gz"))
	if len(warcs) == 0 {
		t.Fatal("no WARC")
	}
	for _, w := range warcs {
		f := entries["archive/"+filepath.Base(w)]
		if f == nil || f.Method != zip.Store || f.Flags&0x8 != 0 {
			t.Fatalf("%s missing or not stored plainly: %+v", filepath.Base(w), f)
		}
	}
	for _, n := range []string{"indexes/index.cdx", "pages/pages.jsonl", "datapackage.json", "datapackage-digest.json"} {
		if entries[n] == nil {
			t.Fatalf("%s missing", n)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(out, ".*tmp")); len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}

	// Every CDXJ line points at the real gzip member of its record.
	cdx := readZipFile(t, zr, "indexes/index.cdx")
	var lines []cdxjLine
	raw := strings.Split(strings.TrimSuffix(string(cdx), "\n"), "\n")
	if !sort.StringsAreSorted(raw) {
		t.Error("index.cdx is not sorted")
	}
	for _, l := range raw {
		parts := strings.SplitN(l, " ", 3)
		var c cdxjLine
		c.key, c.ts = parts[0], parts[1]
		if err := json.Unmarshal([]byte(parts[2]), &c.f); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, c)
	}
	if len(lines) != 8 {
		t.Fatalf("%d index lines, want 8 (6 responses, 2 revisits)", len(lines))
	}
	for _, c := range lines {
		if c.key != SURT(c.f.URL) || len(c.ts) != 14 {
			t.Errorf("key %q ts %q for %s", c.key, c.ts, c.f.URL)
		}
		off, _ := strconv.ParseInt(c.f.Offset, 10, 64)
		length, _ := strconv.ParseInt(c.f.Length, 10, 64)
		zf := entries["archive/"+c.f.Filename]
		start, err := zf.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		member := data[start+off : start+off+length]
		gz, err := gzip.NewReader(bytes.NewReader(member))
		if err != nil {
			t.Fatalf("%s: member at %d: %v", c.f.URL, off, err)
		}
		gz.Multistream(false)
		plain, err := io.ReadAll(gz)
		if err != nil {
			t.Fatalf("%s: member at %d does not gunzip whole: %v", c.f.URL, off, err)
		}
		gowarcOptionsMu.Lock()
		u := gowarc.NewUnmarshaler(gowarc.WithStrictValidation())
		gowarcOptionsMu.Unlock()
		rec, _, _, err := u.Unmarshal(bufio.NewReader(bytes.NewReader(plain)))
		if err != nil {
			t.Fatalf("%s: %v", c.f.URL, err)
		}
		h := rec.WarcHeader()
		if h.Get(gowarc.WarcTargetURI) != c.f.URL || h.Get(gowarc.WarcPayloadDigest) != c.f.Digest {
			t.Errorf("line for %s digest %s points at %s %s", c.f.URL, c.f.Digest, h.Get(gowarc.WarcTargetURI), h.Get(gowarc.WarcPayloadDigest))
		}
		wantMime := map[gowarc.RecordType]bool{gowarc.Response: c.f.Mime != "warc/revisit", gowarc.Revisit: c.f.Mime == "warc/revisit"}
		if !wantMime[rec.Type()] {
			t.Errorf("%s: mime %s for a %s record", c.f.URL, c.f.Mime, rec.Type())
		}
		rec.Close()
	}
	statusOf := map[string]string{}
	for _, c := range lines {
		statusOf[strings.TrimPrefix(c.f.URL, site.URL)] = c.f.Status + " " + c.f.Mime
	}
	if statusOf[warctest.MissingPath] != "404 text/html" || statusOf[warctest.RedirectPath] != "302 text/html" || statusOf[warctest.GzipPath] != "200 text/css" {
		t.Errorf("status and mime %v", statusOf)
	}

	// The page list.
	pl := strings.Split(strings.TrimSuffix(string(readZipFile(t, zr, "pages/pages.jsonl")), "\n"), "\n")
	if pl[0] != `{"format":"json-pages-1.0","id":"pages","title":"All Pages"}` || len(pl) != 2 {
		t.Fatalf("pages.jsonl %q", pl)
	}
	var p struct{ URL, Title, TS string }
	if err := json.Unmarshal([]byte(pl[1]), &p); err != nil || p.URL != page || p.Title != warctest.PageTitle {
		t.Errorf("page line %q: %v", pl[1], err)
	}
	if _, err := time.Parse(time.RFC3339, p.TS); err != nil {
		t.Errorf("page ts %q", p.TS)
	}

	// datapackage.json lists every other file with its digest and size,
	// and datapackage-digest.json holds its digest.
	pkgBytes := readZipFile(t, zr, "datapackage.json")
	var pkg struct {
		Profile     string     `json:"profile"`
		WACZVersion string     `json:"wacz_version"`
		Software    string     `json:"software"`
		Title       string     `json:"title"`
		Created     string     `json:"created"`
		Resources   []resource `json:"resources"`
	}
	if err := json.Unmarshal(pkgBytes, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Profile != "data-package" || pkg.WACZVersion != "1.1.1" || pkg.Software != "Pagekeeper test" || pkg.Title != "kept" || pkg.Created == "" {
		t.Errorf("datapackage %+v", pkg)
	}
	if len(pkg.Resources) != len(zr.File)-2 {
		t.Errorf("%d resources for %d files", len(pkg.Resources), len(zr.File))
	}
	for _, res := range pkg.Resources {
		b := readZipFile(t, zr, res.Path)
		sum := sha256.Sum256(b)
		if res.Hash != "sha256:"+hex.EncodeToString(sum[:]) || res.Bytes != int64(len(b)) {
			t.Errorf("%s: hash %s bytes %d, want %x %d", res.Path, res.Hash, res.Bytes, sum, len(b))
		}
	}
	var dig struct{ Path, Hash string }
	json.Unmarshal(readZipFile(t, zr, "datapackage-digest.json"), &dig)
	sum := sha256.Sum256(pkgBytes)
	if dig.Path != "datapackage.json" || dig.Hash != "sha256:"+hex.EncodeToString(sum[:]) {
		t.Errorf("datapackage-digest %+v", dig)
	}
}

func TestBuildWACZRefusesPathNames(t *testing.T) {
	out := t.TempDir()
	for _, name := range []string{"", "../x", "a/b", `a\b`, ".."} {
		if err := BuildWACZ(out, name, nil); err == nil {
			t.Errorf("BuildWACZ accepted name %q", name)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}
