package warc

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// prepareFolder repairs the open files that runs which crashed left in the
// folder, then reads every finished WARC file's headers to learn which
// payloads the folder already holds. Files another running recorder is
// writing are left alone.
func prepareFolder(root *os.Root) (map[string]original, error) {
	names, err := listNames(root)
	if err != nil {
		return nil, fail(msgFolder, err)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, _, open, ok := parseName(n); ok && open {
			if err := repairLeftover(root, n); err != nil {
				return nil, fail(msgRepair, err)
			}
		}
	}
	if names, err = listNames(root); err != nil {
		return nil, fail(msgFolder, err)
	}
	sort.Strings(names)
	seen := make(map[string]original)
	for _, n := range names {
		if isFinishedWARC(n) {
			learnOriginals(root, n, seen)
		}
	}
	return seen, nil
}

// repairLeftover makes an open file that no one is writing a finished one:
// cut back to its last whole record and renamed without the open suffix,
// or removed when it holds no exchange.
func repairLeftover(root *os.Root, openName string) error {
	f, err := root.OpenFile(openName, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // finished or repaired by someone else meanwhile
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if locked, err := tryLock(f); err != nil || !locked {
		return err // being written by a recorder that is running
	}
	mine, err := f.Stat()
	if err != nil {
		return err
	}
	if there, err := root.Lstat(openName); err != nil || !os.SameFile(mine, there) {
		return nil // replaced meanwhile: not the file we locked
	}
	end, exchanges := wholeRecords(io.NewSectionReader(f, 0, mine.Size()))
	if exchanges == 0 {
		f.Close()
		return root.Remove(openName)
	}
	if err := f.Truncate(end); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return placeOpenFile(root, openName, strings.TrimSuffix(openName, openSuffix))
}

// wholeRecords reads records from the start with gowarc's strict
// validation and returns where the last valid one ends and how many
// records other than warcinfo come before that point.
func wholeRecords(r io.Reader) (end int64, exchanges int) {
	rd, err := newWARCReader(r, gowarc.WithStrictValidation())
	if err != nil {
		return 0, 0
	}
	defer rd.Close()
	for {
		rec, err := rd.Next()
		if err != nil {
			rec.Close()
			return end, exchanges
		}
		end = rec.Offset + rec.Size
		if rec.WarcRecord.Type() != gowarc.Warcinfo {
			exchanges++
		}
		rec.Close()
	}
}

// learnOriginals notes the complete responses of a finished file, keeping
// the first response for each payload digest. A file it cannot read (one
// of another tool, say) adds what it could.
func learnOriginals(root *os.Root, name string, seen map[string]original) {
	f, err := root.Open(name)
	if err != nil {
		return
	}
	defer f.Close()
	rd, err := newWARCReader(readerOnly{f},
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithSkipParseBlock())
	if err != nil {
		return
	}
	defer rd.Close()
	for {
		rec, err := rd.Next()
		if err != nil {
			rec.Close()
			return
		}
		h := rec.WarcRecord.WarcHeader()
		d := h.Get(gowarc.WarcPayloadDigest)
		o := original{uri: h.Get(gowarc.WarcTargetURI), date: h.Get(gowarc.WarcDate), id: h.Get(gowarc.WarcRecordID)}
		if _, known := seen[d]; !known && rec.WarcRecord.Type() == gowarc.Response && usableOriginal(h, d, o) {
			seen[d] = o
		}
		rec.Close()
	}
}

// usableOriginal reports whether a response can be referred to by a
// revisit: a complete, non-empty payload with a digest in our form, and a
// date and address a revisit record may carry.
func usableOriginal(h *gowarc.WarcFields, digest string, o original) bool {
	if !strings.HasPrefix(digest, digestPrefix) || digest == emptyDigest || h.Has(gowarc.WarcTruncated) {
		return false
	}
	if _, err := time.Parse(time.RFC3339, o.date); err != nil {
		return false
	}
	return o.uri != "" && !hasControl(o.uri) && strings.HasPrefix(o.id, "<") && strings.HasSuffix(o.id, ">")
}

// readerOnly hides a file's Close from gowarc's reader, which closes what
// it reads from.
type readerOnly struct{ r io.Reader }

func (r readerOnly) Read(p []byte) (int, error) { return r.r.Read(p) }
