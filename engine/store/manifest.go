package store

import (
	"bytes"
	"encoding/csv"
	"os"
	"strconv"
	"sync"
	"time"
)

// ManifestName is the spreadsheet-readable record of every finished job.
const ManifestName = "manifest.csv"

// ManifestHeader names the manifest's columns.
var ManifestHeader = []string{"address", "final address", "http status", "state", "file", "bytes", "sha256", "time", "failure", "missing resources"}

// Manifest appends one CSV row per finished job. Each row reaches the file
// in one write to a file opened for appending, so rows stay whole however
// long they are and however many runs (processes) write at once. A row
// that cannot be written is kept and tried again before the next one.
type Manifest struct {
	mu      sync.Mutex
	file    *os.File
	pending []pendingRow
}

type pendingRow struct {
	id   int
	line []byte
}

// Row is one finished job. Addresses must already have any password
// hidden (see address.Redact).
type Row struct {
	ID           int // the job, to say which rows reached the file
	Address      string
	FinalAddress string
	Status       int
	State        string
	File         string
	Bytes        int64
	SHA256       string
	Time         time.Time
	Failure      string // in words
	Missing      int    // resources missing from a complete page
}

func openManifest(f *Folder) (*Manifest, error) {
	file, err := f.openOwnedFile(ManifestName, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	m := &Manifest{file: file}
	if info, err := file.Stat(); err == nil && info.Size() == 0 {
		// The byte order mark makes spreadsheets read the file as UTF-8.
		head := append([]byte("\uFEFF"), csvLine(ManifestHeader)...)
		if _, err := file.Write(head); err != nil {
			file.Close()
			return nil, err
		}
	}
	return m, nil
}

func csvLine(fields []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(fields)
	w.Flush()
	return b.Bytes()
}

// Add writes r. It returns the IDs of the rows that reached the file with
// this call (earlier failed rows included), and an error when r or an
// earlier row could not be written: the caller reports that, the page
// itself is kept all the same.
func (m *Manifest) Add(r Row) ([]int, error) {
	status, missing, size := "", "", ""
	if r.Status != 0 {
		status = strconv.Itoa(r.Status)
	}
	if r.Missing > 0 {
		missing = strconv.Itoa(r.Missing)
	}
	if r.File != "" {
		size = strconv.FormatInt(r.Bytes, 10)
	}
	line := csvLine([]string{
		r.Address, r.FinalAddress, status, r.State, r.File, size, r.SHA256,
		r.Time.UTC().Format(time.RFC3339), r.Failure, missing,
	})
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending = append(m.pending, pendingRow{id: r.ID, line: line})
	var listed []int
	for len(m.pending) > 0 {
		// A row cut part way by a failed write (a disk filling up) goes
		// on where it stopped: the folder's lock keeps every other writer
		// out, so the row comes out whole, quotes and all.
		p := &m.pending[0]
		n, err := m.file.Write(p.line)
		p.line = p.line[n:]
		if err != nil {
			return listed, err
		}
		listed = append(listed, p.id)
		*p = pendingRow{}
		m.pending = m.pending[1:]
	}
	return listed, nil
}

func (m *Manifest) close(sync bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if sync {
		m.file.Sync()
	}
	m.file.Close()
}
