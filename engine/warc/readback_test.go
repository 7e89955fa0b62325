package warc

import (
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// readRecord is a record read back with gowarc's strict validation.
type readRecord struct {
	file    string
	offset  int64
	size    int64
	typ     gowarc.RecordType
	header  *gowarc.WarcFields
	head    []byte // HTTP head of request, response and revisit blocks
	payload []byte // HTTP payload of response blocks
}

// readStrict reads every record of a WARC file with strict validation
// (syntax, specification, block and payload digests) and fails the test
// on the first problem.
func readStrict(t *testing.T, path string) []readRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := newWARCReader(f, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer rd.Close()
	var out []readRecord
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s at offset %d: %v", filepath.Base(path), rec.Offset, err)
		}
		if len(rec.Validation) > 0 {
			t.Fatalf("%s at offset %d: validation findings %v", filepath.Base(path), rec.Offset, rec.Validation)
		}
		r := readRecord{file: filepath.Base(path), offset: rec.Offset, size: rec.Size, typ: rec.WarcRecord.Type(), header: rec.WarcRecord.WarcHeader()}
		if hb, ok := rec.WarcRecord.Block().(gowarc.ProtocolHeaderBlock); ok {
			r.head = append([]byte(nil), hb.ProtocolHeaderBytes()...)
		}
		if pb, ok := rec.WarcRecord.Block().(gowarc.HttpResponseBlock); ok {
			p, err := pb.PayloadBytes()
			if err != nil {
				t.Fatalf("payload of %s: %v", r.header.Get(gowarc.WarcTargetURI), err)
			}
			r.payload, err = io.ReadAll(p)
			if err != nil {
				t.Fatal(err)
			}
		}
		rec.Close()
		out = append(out, r)
	}
}

// warcFiles lists the files in dir, failing on any that is still open.
func warcFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), openSuffix) {
			t.Errorf("%s is still open", e.Name())
			continue
		}
		if _, _, _, ok := parseName(e.Name()); !ok {
			t.Errorf("unexpected file %s", e.Name())
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	sort.Strings(out)
	return out
}

// readAll reads every WARC file in dir strictly, checking that each file
// starts with its warcinfo record.
func readAll(t *testing.T, dir string) []readRecord {
	t.Helper()
	var all []readRecord
	for _, f := range warcFiles(t, dir) {
		recs := readStrict(t, f)
		if len(recs) == 0 || recs[0].typ != gowarc.Warcinfo {
			t.Fatalf("%s does not start with a warcinfo record", filepath.Base(f))
		}
		if got := recs[0].header.Get(gowarc.WarcFilename); got != filepath.Base(f) {
			t.Errorf("warcinfo of %s names %q", filepath.Base(f), got)
		}
		all = append(all, recs...)
	}
	return all
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return digestString(s[:])
}

// byID indexes records by WARC-Record-ID.
func byID(recs []readRecord) map[string]readRecord {
	m := map[string]readRecord{}
	for _, r := range recs {
		m[r.header.Get(gowarc.WarcRecordID)] = r
	}
	return m
}

func isHTTPHead(b []byte) bool { return bytes.HasSuffix(b, []byte("\r\n\r\n")) }
