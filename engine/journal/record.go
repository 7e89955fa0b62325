package journal

import (
	"strings"
	"time"

	"pagekeeper/engine/failure"
)

// Record is one row of the list as the engine hands it over at a state
// change. The journal stores every field and gives them back unchanged;
// State is the engine's number, opaque here.
type Record struct {
	// ID is the engine's job ID, stable across sessions.
	ID int
	// URL is the address as added. It may hold a login: it is kept, as
	// resuming needs it, in a folder only its owner may read.
	URL      string
	State    int
	Attempts int
	// Files are the saved file(s), relative to the folder, with '/'. A
	// Files slice given to or returned by the journal is shared with it:
	// replace the slice, never change its elements.
	Files []string
	// Failure is why the job did not work out, field by field.
	Failure    failure.Failure
	HTTPStatus int
	FinalURL   string
	Bytes      int64
	SHA256     string
	// Missing counts the resources left out of a complete page.
	Missing int
	// Added, Changed and Saved are when the job was added, last changed
	// state and was saved; Saved is zero while it has not been saved.
	Added, Changed, Saved time.Time
}

// fileSep joins Files in one column: no system allows NUL in a path.
const fileSep = "\x00"

func joinFiles(files []string) string { return strings.Join(files, fileSep) }

func splitFiles(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, fileSep)
}

// Times are stored as Unix nanoseconds; 0 is the zero time.
func timeToInt(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func intToTime(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}
