package warc

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

// archiveFile is one WARC file being written under its open name. Every
// record is one gzip member appended whole: if writing a member fails
// midway, the file is cut back to where the member started.
type archiveFile struct {
	root *os.Root
	name string // final name; the file is name+openSuffix until finish
	f    *os.File
	size int64 // end of the last whole member
	out  countingWriter
	buf  *bufio.Writer
	gz   *gzip.Writer
	// exchanges counts the exchanges in the file; a file with none is
	// removed instead of kept.
	exchanges int
}

// maxSerialTries bounds the search for a free name; reaching it means the
// folder holds an absurd number of files from the same second.
const maxSerialTries = 100000

// createArchiveFile makes a new open file with a name no other file in the
// folder has or will take, and locks it so no other run repairs it while
// it is being written.
func createArchiveFile(root *os.Root, now time.Time) (*archiveFile, error) {
	serial, err := nextSerial(root, now)
	if err != nil {
		return nil, err
	}
	for tries := 0; tries < maxSerialTries; tries, serial = tries+1, serial+1 {
		name := fileName(now, serial)
		f, err := root.OpenFile(name+openSuffix, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		ok, err := claim(root, f, name)
		if err != nil || !ok {
			f.Close()
			if err != nil {
				return nil, err
			}
			continue
		}
		a := &archiveFile{root: root, name: name, f: f}
		a.out.w = f
		a.buf = bufio.NewWriterSize(&a.out, 256<<10)
		a.gz, _ = gzip.NewWriterLevel(a.buf, gzip.DefaultCompression)
		return a, nil
	}
	return nil, errors.New("no free file name")
}

// claim locks a newly created open file and checks that the name is still
// ours: between O_EXCL and the lock, another run may have finished a file
// of the same name (then ours would later replace it) or a repair may have
// removed our empty file.
func claim(root *os.Root, f *os.File, name string) (bool, error) {
	locked, err := tryLock(f)
	if err != nil || !locked {
		return false, err
	}
	mine, err := f.Stat()
	if err != nil {
		return false, err
	}
	there, err := root.Lstat(name + openSuffix)
	if err != nil || !os.SameFile(mine, there) {
		return false, nil
	}
	if _, err := root.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
		// The final name is taken: leave our empty open file for nobody.
		root.Remove(name + openSuffix)
		return false, nil
	}
	return true, nil
}

// nextSerial is one more than the highest serial of any file of ours in
// the folder started in the same second.
func nextSerial(root *os.Root, now time.Time) (int, error) {
	names, err := listNames(root)
	if err != nil {
		return 0, err
	}
	stamp := now.UTC().Format(timeLayout)
	serial := 1
	for _, n := range names {
		if s, num, _, ok := parseName(n); ok && s == stamp && num >= serial {
			serial = num + 1
		}
	}
	return serial, nil
}

// listNames is the names in the archive folder.
func listNames(root *os.Root) ([]string, error) {
	d, err := root.Open(".")
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return d.Readdirnames(-1)
}

// appendMember writes one gzip member holding what write produces, and
// returns where it starts and how long it is. On any failure the file is
// cut back so it ends with the last whole member.
func (a *archiveFile) appendMember(write func(w io.Writer) error) (offset, length int64, err error) {
	start := a.size
	a.out.n = start
	a.buf.Reset(&a.out)
	a.gz.Reset(a.buf)
	err = write(a.gz)
	if err == nil {
		err = a.gz.Close()
	}
	if err == nil {
		err = a.buf.Flush()
	}
	if err != nil {
		return 0, 0, errors.Join(err, a.cutBack(start))
	}
	a.size = a.out.n
	return start, a.size - start, nil
}

// cutBack removes a partly written member.
func (a *archiveFile) cutBack(start int64) error {
	if err := a.f.Truncate(start); err != nil {
		return err
	}
	_, err := a.f.Seek(start, io.SeekStart)
	return err
}

// finish syncs and closes the file and gives it its final name, or removes
// it when it holds no exchange.
func (a *archiveFile) finish() error {
	open := a.name + openSuffix
	if a.exchanges == 0 {
		return errors.Join(a.f.Close(), a.root.Remove(open))
	}
	if err := a.f.Sync(); err != nil {
		a.f.Close()
		return err
	}
	// Closing before the rename lets Windows rename it; a repair that runs
	// in between finds a whole file and gives it the same final name.
	if err := a.f.Close(); err != nil {
		return err
	}
	return placeOpenFile(a.root, open, a.name)
}

// placeOpenFile renames an open file to its final name, never replacing a
// file that already has that name.
func placeOpenFile(root *os.Root, open, final string) error {
	if _, err := root.Lstat(final); err == nil {
		if _, err := root.Lstat(open); errors.Is(err, fs.ErrNotExist) {
			return nil // a repair in another run already placed it
		}
		return errors.New("final name already taken")
	}
	err := root.Rename(open, final)
	if errors.Is(err, fs.ErrNotExist) {
		if _, err2 := root.Lstat(final); err2 == nil {
			return nil
		}
	}
	return err
}

// isFinishedWARC reports whether name is any finished *.warc.gz file,
// ours or put there by a person or another tool.
func isFinishedWARC(name string) bool {
	return strings.HasSuffix(name, warcSuffix) && !strings.HasPrefix(name, ".")
}

// countingWriter counts the bytes written to w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
