package warc

import (
	"crypto/sha256"
	"errors"
	"io"
	"strconv"

	"pagekeeper/engine/capture"

	"github.com/nlnwa/gowarc/v3"
)

// A response record is written without gowarc's record builder: the
// builder copies the whole block into a buffer of its own (memory up to
// 1 MiB, then a temporary file outside our folder) and reads it three
// times. Here the payload is read twice straight from the exchange, once
// for the block digest and once into the file, and never held whole in
// memory. The header is gowarc's WarcFields; the framing is the one its
// marshaler writes. Tests read every record back with gowarc's strict
// validation.

// copyBufferSize is the size of the buffer payloads are copied through.
const copyBufferSize = 64 << 10

// errPayloadChanged means the payload read back differs from what the
// exchange announced (size or digest).
var errPayloadChanged = errors.New("payload differs from its announced size or digest")

// blockDigests reads head and payload once and returns the block digest,
// the payload digest and the payload's length. The payload digest is the
// one taken as the bytes arrived (hashing them again would double the
// recorder's work on large bodies); a payload of another length than
// announced is refused.
func blockDigests(head []byte, p capture.Payload, buf []byte) (block, payload string, n int64, err error) {
	bh := sha256.New()
	bh.Write(head)
	payloadSum := sha256.Sum256(nil)
	if p != nil {
		n, err = copyPayload(bh, p, buf)
		if err != nil {
			return "", "", 0, err
		}
		if n != p.Size() {
			return "", "", 0, errPayloadChanged
		}
		payloadSum = p.SHA256()
	}
	return digestString(bh.Sum(nil)), digestString(payloadSum[:]), n, nil
}

// errPayloadRead means the payload could not be read back: a fault of the
// exchange, not of the archive.
var errPayloadRead = errors.New("payload could not be read")

// copyPayload copies the payload from its first byte into w. A failure to
// read is told apart from a failure to write (errPayloadRead).
func copyPayload(w io.Writer, p capture.Payload, buf []byte) (int64, error) {
	rc, err := p.Open()
	if err != nil {
		return 0, errors.Join(errPayloadRead, err)
	}
	src := &readErrTag{r: rc}
	n, err := io.CopyBuffer(w, src, buf)
	cerr := rc.Close()
	if src.err != nil {
		return n, errors.Join(errPayloadRead, src.err)
	}
	return n, errors.Join(err, cerr)
}

// readErrTag remembers the error its reader gave.
type readErrTag struct {
	r   io.Reader
	err error
}

func (t *readErrTag) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// responseFields are the header fields of a response record whose block
// is head followed by n payload bytes.
func responseFields(common [][2]string, id, requestID, blockDigest, payloadDigest string, blockLen int64, truncated string) *gowarc.WarcFields {
	f := &gowarc.WarcFields{}
	f.Add(gowarc.WarcType, gowarc.Response.String())
	f.Add(gowarc.WarcRecordID, id)
	for _, c := range common {
		f.Add(c[0], c[1])
	}
	f.Add(gowarc.WarcConcurrentTo, requestID)
	f.Add(gowarc.ContentType, mimeResponse)
	f.Add(gowarc.ContentLength, strconv.FormatInt(blockLen, 10))
	f.Add(gowarc.WarcBlockDigest, blockDigest)
	f.Add(gowarc.WarcPayloadDigest, payloadDigest)
	if truncated != "" {
		f.Add(gowarc.WarcTruncated, fieldName(truncated))
	}
	return f
}

// writeResponse writes a response record: the version line, the fields,
// the block (head, then the payload streamed from the exchange) and the
// end-of-record marker, as gowarc's marshaler frames records.
func writeResponse(w io.Writer, fields *gowarc.WarcFields, head []byte, p capture.Payload, want int64, buf []byte) error {
	if _, err := io.WriteString(w, recordVersion); err != nil {
		return err
	}
	if _, err := fields.Write(w); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\r\n"); err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if p != nil {
		n, err := copyPayload(w, p, buf)
		if err != nil {
			return err
		}
		if n != want {
			return errPayloadChanged
		}
	}
	_, err := io.WriteString(w, "\r\n\r\n")
	return err
}
