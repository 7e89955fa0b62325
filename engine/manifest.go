package engine

import (
	"encoding/csv"
	"os"
	"strconv"
	"sync"
	"time"
)

// manifestName is the spreadsheet-readable record of every finished job.
const manifestName = "manifest.csv"

var manifestHeader = []string{"time", "address", "final address", "http status", "state", "file", "bytes", "sha256", "error"}

// manifest appends one CSV row per finished job. Savers share it; the mutex
// keeps rows whole. Runs append to the same file, so it is a full history.
type manifest struct {
	mu   sync.Mutex
	file *os.File
	w    *csv.Writer
}

// manifestRow is one finished job.
type manifestRow struct {
	at         time.Time
	url        string
	finalURL   string
	status     int
	state      State
	file       string
	bytes      int64
	sha256     string
	errMessage string
}

func openManifest(root *os.Root) (*manifest, error) {
	f, err := root.OpenFile(manifestName, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	m := &manifest{file: f, w: csv.NewWriter(f)}
	if info, err := f.Stat(); err == nil && info.Size() == 0 {
		// The byte order mark makes spreadsheets read the file as UTF-8.
		f.WriteString("\uFEFF")
		m.w.Write(manifestHeader)
		m.w.Flush()
	}
	return m, nil
}

// add writes one row; a manifest that cannot be written must not stop the
// pages themselves from being kept, so the error is returned for the caller
// to report, not to fail on.
func (m *manifest) add(r manifestRow) error {
	status := ""
	if r.status != 0 {
		status = strconv.Itoa(r.status)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.w.Write([]string{
		r.at.UTC().Format(time.RFC3339), r.url, r.finalURL, status, r.state.String(),
		r.file, strconv.FormatInt(r.bytes, 10), r.sha256, r.errMessage,
	})
	m.w.Flush()
	return m.w.Error()
}

func (m *manifest) close(sync bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.w.Flush()
	if sync {
		m.file.Sync()
	}
	m.file.Close()
}
