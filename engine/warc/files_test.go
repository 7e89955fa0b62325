package warc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"pagekeeper/engine/capture"
	"pagekeeper/engine/warc/warctest"
)

// recordN records n synthetic exchanges with distinct payloads of about
// size bytes.
func recordN(t testing.TB, r *Recorder, prefix string, n, size int) {
	t.Helper()
	for i := 0; i < n; i++ {
		body := bytes.Repeat([]byte(fmt.Sprintf("%s body %d ", prefix, i)), size/16+1)
		ex := warctest.Synthetic(fmt.Sprintf("http://example.com/%s/%d", prefix, i), 200, []string{"Content-Type: text/plain"}, body)
		if err := r.Record(context.Background(), ex); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRotationAtSmallSize(t *testing.T) {
	dir := t.TempDir()
	r, err := OpenWithOptions(dir, testInfo, Options{MaxFileSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	recordN(t, r, "rot", 40, 3000)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	files := warcFiles(t, dir)
	if len(files) < 5 {
		t.Fatalf("only %d files after 40 exchanges with a 4 KiB limit", len(files))
	}
	exchanges := 0
	for _, f := range files {
		recs := readStrict(t, f)
		if recs[0].typ != gowarc.Warcinfo || len(recs) < 3 {
			t.Errorf("%s: %d records, first %s", filepath.Base(f), len(recs), recs[0].typ)
		}
		exchanges += (len(recs) - 1) / 2
	}
	if exchanges != 40 {
		t.Errorf("%d exchanges read back, want 40", exchanges)
	}
}

func TestNoFileWithoutExchanges(t *testing.T) {
	dir := t.TempDir()
	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if files := warcFiles(t, dir); len(files) != 0 {
		t.Errorf("files %v after a run without exchanges", files)
	}
}

// Two recorders started in the same second on one folder, writing at the
// same time, never share a name and never replace each other's files.
func TestTwoRecordersInOneSecondDoNotCollide(t *testing.T) {
	dir := t.TempDir()
	same := time.Date(2026, 11, 28, 19, 0, 0, 0, time.UTC)
	clock := func() time.Time { return same }
	var wg sync.WaitGroup
	for k := 0; k < 2; k++ {
		r, err := OpenWithOptions(dir, testInfo, Options{MaxFileSize: 8 << 10, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			recordN(t, r, fmt.Sprintf("run%d", k), 30, 3000)
			if err := r.Close(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, f := range warcFiles(t, dir) {
		stamp, _, _, _ := parseName(filepath.Base(f))
		if stamp != "20261128190000" {
			t.Errorf("name %s", filepath.Base(f))
		}
		total += (len(readStrict(t, f)) - 1) / 2
	}
	if total != 60 {
		t.Errorf("%d exchanges read back, want 60", total)
	}
}

func TestRepairCutFileOnOpen(t *testing.T) {
	dir := t.TempDir()
	r, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	recordN(t, r, "cut", 10, 5000)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	files := warcFiles(t, dir)
	whole := readStrict(t, files[0])
	// Make it look like a crash: open name, cut in the middle of the
	// seventh record (after 3 exchanges), plus a file holding only half a
	// warcinfo record.
	cutAt := whole[7].offset + whole[7].size/2
	open := files[0] + openSuffix
	if err := os.Rename(files[0], open); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(open, cutAt); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, fileName(time.Now(), 99)) + openSuffix
	if err := os.WriteFile(empty, []byte{0x1f, 0x8b, 8, 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}

	r, err = Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("file without a whole record is still there: %v", err)
	}
	files = warcFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	got := readStrict(t, files[0])
	if len(got) != 7 {
		t.Fatalf("%d records after repair, want 7 (warcinfo and three exchanges)", len(got))
	}
	st, _ := os.Stat(files[0])
	if st.Size() != whole[6].offset+whole[6].size {
		t.Errorf("repaired size %d, want %d", st.Size(), whole[6].offset+whole[6].size)
	}
}

// A file another recorder is writing is left alone by Open.
func TestOpenLeavesFileInUseAlone(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	// Once a's writer reads this payload, a's open file exists.
	opened := make(chan struct{})
	ex := warctest.Synthetic("http://example.com/signal", 200, nil, []byte("signal"))
	ex.Payload = &signalPayload{Payload: ex.Payload, opened: opened}
	if err := a.Record(context.Background(), ex); err != nil {
		t.Fatal(err)
	}
	<-opened
	aFiles, _ := filepath.Glob(filepath.Join(dir, "*"+openSuffix))
	if len(aFiles) != 1 {
		t.Fatalf("open files %v", aFiles)
	}
	b, err := Open(dir, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	recordN(t, b, "b", 3, 1000)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(aFiles[0]); err != nil {
		t.Fatalf("the file a is writing was touched by b's Open: %v", err)
	}
	recordN(t, a, "a2", 3, 1000)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, f := range warcFiles(t, dir) {
		total += (len(readStrict(t, f)) - 1) / 2
	}
	if total != 7 {
		t.Errorf("%d exchanges, want 7", total)
	}
}

// signalPayload closes opened when it is first opened.
type signalPayload struct {
	capture.Payload
	opened chan struct{}
	once   sync.Once
}

func (p *signalPayload) Open() (io.ReadCloser, error) {
	p.once.Do(func() { close(p.opened) })
	return p.Payload.Open()
}
