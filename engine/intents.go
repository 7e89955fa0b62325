package engine

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"pagekeeper/engine/store"
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

// openIntentFile opens dir's log through store.OpenOwned: never through
// a link, never waiting on a FIFO planted at its name.
func openIntentFile(dir string, flag int) (*os.File, error) {
	return store.OpenOwned(filepath.Join(dir, ".pagekeeper"), intentsName, flag, 0o600)
}

// openIntents opens dir's log for appending.
func openIntents(dir string) (*intentLog, error) {
	f, err := openIntentFile(dir, os.O_WRONLY|os.O_APPEND|os.O_CREATE)
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
	f, err := openIntentFile(dir, os.O_RDONLY)
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
	f, err := openIntentFile(dir, os.O_WRONLY)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	err = f.Truncate(0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
