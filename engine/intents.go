package engine

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// intentsName is where a page's file name is written, in one write, just
// before the file takes it. The session journal writes in batches (a
// commit per page would cost a disk sync each); this line is what tells a
// reopened list that a page placed in the last moments before the process
// died is saved, so it is never fetched and saved a second time.
const intentsName = "placing.log"

// intent is one line of the log.
type intent struct {
	ID     int    `json:"id"`
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// intentLog appends intents for one session.
type intentLog struct {
	mu   sync.Mutex
	file *os.File
}

// openIntents opens dir's log for appending, refusing anything but a
// regular file at its name.
func openIntents(dir string) (*intentLog, error) {
	path := filepath.Join(dir, ".pagekeeper", intentsName)
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrInvalid}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &intentLog{file: f}, nil
}

// add writes one intent in a single write: once it returns, the line
// survives the process being killed.
func (l *intentLog) add(in intent) error {
	line, err := json.Marshal(in)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err = l.file.Write(append(line, '\n'))
	return err
}

func (l *intentLog) close() error { return l.file.Close() }

// readIntents reads dir's log, the last intent of each job winning; a
// line cut by a crash is skipped.
func readIntents(dir string) map[int]intent {
	f, err := os.Open(filepath.Join(dir, ".pagekeeper", intentsName))
	if err != nil {
		return nil
	}
	defer f.Close()
	out := map[int]intent{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var in intent
		if json.Unmarshal(sc.Bytes(), &in) == nil && in.ID > 0 && in.File != "" {
			out[in.ID] = in
		}
	}
	return out
}

// clearIntents empties dir's log once the journal holds what it said.
func clearIntents(dir string) error {
	err := os.Truncate(filepath.Join(dir, ".pagekeeper", intentsName), 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
