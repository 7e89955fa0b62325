package warc

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"time"
)

// Page is a page shown in the WACZ's list of pages.
type Page struct {
	// URL is the page's address as recorded (the WARC-Target-URI of its
	// response).
	URL string
	// Title is the page's title, shown in ReplayWeb.page's page list.
	Title string
	// TS is when the page was fetched (the exchange's Started time).
	TS time.Time
}

// waczVersion is the WACZ specification version written.
const waczVersion = "1.1.1"

// resource is one file in the WACZ, as datapackage.json lists it.
type resource struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Hash  string `json:"hash"`
	Bytes int64  `json:"bytes"`
}

// BuildWACZ writes <outDir>/<name>.wacz: every finished WARC file of
// outDir/archive (stored, not compressed, so readers can fetch single
// records by range), a CDXJ index of their responses and revisits, the
// list of pages, and datapackage.json with the digest of every file. The
// WARC files are streamed, never held in memory. The package appears
// under its final name only when it is complete; an older one of the same
// name is replaced. Call it after the Recorder is closed: files still
// being written are not included.
func BuildWACZ(outDir string, name string, pages []Page) error {
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." || hasControl(name) {
		return &Error{Message: msgName, Cause: errors.New("bad WACZ name")}
	}
	root, err := os.OpenRoot(outDir)
	if err != nil {
		return fail(msgWACZ, err)
	}
	defer root.Close()
	warcs, err := finishedWARCs(root)
	if err != nil {
		return err
	}
	tmp, f, err := createTemp(root, name)
	if err != nil {
		return fail(msgWACZ, err)
	}
	err = writeWACZ(f, root, warcs, name, pages)
	if err == nil {
		err = fail(msgWACZ, f.Sync())
	}
	if cerr := f.Close(); err == nil {
		err = fail(msgWACZ, cerr)
	}
	if err == nil {
		err = fail(msgWACZ, root.Rename(tmp, name+".wacz"))
	}
	if err != nil {
		root.Remove(tmp)
	}
	return err
}

// finishedWARCs lists the finished WARC files in the archive folder, in
// name order (ours sort by time).
func finishedWARCs(root *os.Root) ([]string, error) {
	d, err := root.Open("archive")
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fail(msgRead, err)
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	if err != nil {
		return nil, fail(msgRead, err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && isFinishedWARC(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// createTemp makes a new hidden file next to where the package goes.
func createTemp(root *os.Root, name string) (string, *os.File, error) {
	for {
		var b [6]byte
		_, _ = rand.Read(b[:])
		tmp := "." + name + ".wacz." + hex.EncodeToString(b[:]) + ".tmp"
		f, err := root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return tmp, f, err
	}
}

func writeWACZ(out io.Writer, root *os.Root, warcs []string, title string, pages []Page) error {
	created := time.Now().UTC()
	zw := zip.NewWriter(out)
	var res []resource
	var lines []string
	software := ""
	for _, n := range warcs {
		r, idx, err := addWARC(zw, root, n, created)
		if err != nil {
			return err
		}
		res = append(res, r)
		lines = append(lines, idx.lines...)
		if software == "" {
			software = idx.software
		}
	}
	sort.Strings(lines)
	var cdx bytes.Buffer
	for _, l := range lines {
		cdx.WriteString(l)
		cdx.WriteByte('\n')
	}
	r, err := addSmall(zw, "indexes/index.cdx", cdx.Bytes(), created)
	if err != nil {
		return err
	}
	res = append(res, r)
	r, err = addSmall(zw, "pages/pages.jsonl", pagesJSONL(pages), created)
	if err != nil {
		return err
	}
	res = append(res, r)
	if software == "" {
		software = "Pagekeeper"
	}
	pkg, err := datapackage(res, title, software, created)
	if err != nil {
		return fail(msgWACZ, err)
	}
	if _, err := addSmall(zw, "datapackage.json", pkg, created); err != nil {
		return err
	}
	sum := sha256.Sum256(pkg)
	digest, err := json.MarshalIndent(map[string]string{
		"path": "datapackage.json",
		"hash": "sha256:" + hex.EncodeToString(sum[:]),
	}, "", "  ")
	if err != nil {
		return fail(msgWACZ, err)
	}
	if _, err := addSmall(zw, "datapackage-digest.json", digest, created); err != nil {
		return err
	}
	return fail(msgWACZ, zw.Close())
}

// addWARC indexes one WARC file and stores it in the zip. The file is read
// twice, streamed both times: once for the index and its digests, once
// into the zip, whose entry header then carries the size and checksum up
// front (no data descriptor), as range readers like best.
func addWARC(zw *zip.Writer, root *os.Root, name string, created time.Time) (resource, indexResult, error) {
	p := path.Join("archive", name)
	f, err := root.Open(p)
	if err != nil {
		return resource{}, indexResult{}, fail(msgRead, err)
	}
	defer f.Close()
	sha, crc := sha256.New(), crc32.NewIEEE()
	counted := &countingWriter{w: io.MultiWriter(sha, crc)}
	tee := io.TeeReader(f, counted)
	idx, err := indexWARC(tee, name)
	if err != nil {
		return resource{}, indexResult{}, fail(msgRead, fmt.Errorf("%s: %w", name, err))
	}
	// The index reader may stop before the very end (no further record).
	if _, err := io.Copy(io.Discard, tee); err != nil {
		return resource{}, indexResult{}, fail(msgRead, err)
	}
	size := counted.n
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               p,
		Method:             zip.Store,
		Modified:           created,
		CRC32:              crc.Sum32(),
		CompressedSize64:   uint64(size),
		UncompressedSize64: uint64(size),
	})
	if err != nil {
		return resource{}, indexResult{}, fail(msgWACZ, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return resource{}, indexResult{}, fail(msgRead, err)
	}
	n, err := io.Copy(w, f)
	if err != nil {
		return resource{}, indexResult{}, fail(msgWACZ, err)
	}
	if n != size {
		return resource{}, indexResult{}, fail(msgRead, fmt.Errorf("%s changed while it was packaged", name))
	}
	return resource{Name: name, Path: p, Hash: hashString(sha), Bytes: size}, idx, nil
}

// addSmall adds a file held in memory, compressed.
func addSmall(zw *zip.Writer, p string, data []byte, created time.Time) (resource, error) {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: p, Method: zip.Deflate, Modified: created})
	if err == nil {
		_, err = w.Write(data)
	}
	if err != nil {
		return resource{}, fail(msgWACZ, err)
	}
	sum := sha256.Sum256(data)
	return resource{Name: path.Base(p), Path: p, Hash: "sha256:" + hex.EncodeToString(sum[:]), Bytes: int64(len(data))}, nil
}

func hashString(h hash.Hash) string { return "sha256:" + hex.EncodeToString(h.Sum(nil)) }

// pagesJSONL is the page list: a header line, then one line per page.
func pagesJSONL(pages []Page) []byte {
	var b bytes.Buffer
	b.WriteString(`{"format":"json-pages-1.0","id":"pages","title":"All Pages"}` + "\n")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, p := range pages {
		ts := p.TS.UTC().Format(time.RFC3339)
		id := sha256.Sum256([]byte(ts + " " + p.URL))
		title := p.Title
		if title == "" {
			title = p.URL
		}
		// Encode cannot fail for strings.
		_ = enc.Encode(struct {
			ID    string `json:"id"`
			URL   string `json:"url"`
			Title string `json:"title"`
			TS    string `json:"ts"`
		}{hex.EncodeToString(id[:8]), p.URL, title, ts})
	}
	return b.Bytes()
}

// datapackage is the WACZ manifest.
func datapackage(res []resource, title, software string, created time.Time) ([]byte, error) {
	return json.MarshalIndent(struct {
		Profile     string     `json:"profile"`
		Resources   []resource `json:"resources"`
		WACZVersion string     `json:"wacz_version"`
		Title       string     `json:"title"`
		Created     string     `json:"created"`
		Software    string     `json:"software"`
	}{"data-package", res, waczVersion, title, created.Format(time.RFC3339), software}, "", "  ")
}
