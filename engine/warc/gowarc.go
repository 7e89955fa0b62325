package warc

import (
	"io"
	"sync"

	"github.com/nlnwa/gowarc/v3"
)

// gowarc v3.1.0 calls uuid.EnableRandPool, which writes a global without
// a lock, every time it makes options: in NewRecordBuilder and in every
// reader. Two goroutines doing so at once (two recorders in one process,
// or a recorder and a reader) are a data race, so every such call goes
// through this lock.
var gowarcOptionsMu sync.Mutex

// newRecordBuilder is gowarc.NewRecordBuilder under the lock.
func newRecordBuilder(rt gowarc.RecordType, opts ...gowarc.WarcRecordOption) gowarc.WarcRecordBuilder {
	gowarcOptionsMu.Lock()
	defer gowarcOptionsMu.Unlock()
	return gowarc.NewRecordBuilder(rt, opts...)
}

// newWARCReader is gowarc.NewWarcFileReaderFromStream under the lock. The
// reader closes r on Close when r is an io.Closer.
func newWARCReader(r io.Reader, opts ...gowarc.WarcRecordOption) (*gowarc.WarcFileReader, error) {
	gowarcOptionsMu.Lock()
	defer gowarcOptionsMu.Unlock()
	return gowarc.NewWarcFileReaderFromStream(r, 0, opts...)
}
