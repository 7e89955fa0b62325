package warc

import (
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"pagekeeper/engine/capture"
)

// original is the first response record that holds a payload; later
// exchanges with the same payload refer to it with a revisit record.
type original struct {
	uri, date, id string
}

// writer turns exchanges into records. Only the recorder's goroutine uses
// it.
type writer struct {
	root    *os.Root
	info    Info
	maxSize int64
	now     func() time.Time
	file    *archiveFile
	infoID  string
	// seen maps a payload digest to the response that first held it, in
	// this folder: this run's files and every earlier finished one.
	seen map[string]original
	buf  []byte
}

// emptyDigest is the payload digest of an answer without a body.
var emptyDigest = func() string { s := sha256.Sum256(nil); return digestString(s[:]) }()

// write records one exchange: a response (or a revisit when its payload
// is already in the archive) and its request. Nothing of it stays in the
// file when it fails.
func (w *writer) write(ex *capture.Exchange) error {
	if ex.TargetURI == "" || hasControl(ex.TargetURI) || hasControl(ex.RemoteIP) {
		return skip(msgExchange, errors.New("bad target URI or IP"))
	}
	if err := w.ensureFile(); err != nil {
		return fail(msgWrite, err)
	}
	date := warcDate(ex.Started)
	common := [][2]string{
		{gowarc.WarcTargetURI, ex.TargetURI},
		{gowarc.WarcDate, date},
		{gowarc.WarcWarcinfoID, w.infoID},
	}
	if ex.RemoteIP != "" {
		common = append(common, [2]string{gowarc.WarcIPAddress, ex.RemoteIP})
	}
	respID, reqID := newRecordID(), newRecordID()

	// The request is built first: the builder checks the fields both
	// records share (address, date, IP) before anything is written.
	req, err := buildSmall(gowarc.Request, append(common[:len(common):len(common)],
		[2]string{gowarc.WarcRecordID, reqID},
		[2]string{gowarc.WarcConcurrentTo, respID},
		[2]string{gowarc.ContentType, mimeRequest},
	), ex.Request)
	if err != nil {
		return skip(msgExchange, err)
	}
	defer req.Close()

	digest, size := emptyDigest, int64(0)
	if ex.Payload != nil {
		s := ex.Payload.SHA256()
		digest, size = digestString(s[:]), ex.Payload.Size()
	}
	dedupable := size > 0 && ex.Truncated == ""
	start := w.file.size
	if ref, ok := w.seen[digest]; ok && dedupable {
		err = w.writeRevisit(common, respID, reqID, digest, ref, ex.Response)
	} else {
		err = w.writeResponse(common, respID, reqID, ex)
	}
	if err != nil {
		return err
	}
	if _, _, err := w.file.appendMember(func(out io.Writer) error { return writeRecord(out, req) }); err != nil {
		// Keep the pair together: drop the response too.
		cutErr := w.file.cutBack(start)
		if cutErr == nil {
			w.file.size = start
		}
		return fail(msgWrite, errors.Join(err, cutErr))
	}
	w.file.exchanges++
	if _, ok := w.seen[digest]; !ok && dedupable {
		w.seen[digest] = original{uri: ex.TargetURI, date: date, id: respID}
	}
	if w.file.size >= w.maxSize {
		return fail(msgWrite, w.rotate())
	}
	return nil
}

func (w *writer) writeResponse(common [][2]string, respID, reqID string, ex *capture.Exchange) error {
	block, payload, n, err := blockDigests(ex.Response, ex.Payload, w.buf)
	if err != nil {
		return skip(msgPayload, err)
	}
	fields := responseFields(common, respID, reqID, block, payload, int64(len(ex.Response))+n, ex.Truncated)
	_, _, err = w.file.appendMember(func(out io.Writer) error {
		return writeResponse(out, fields, ex.Response, ex.Payload, n, w.buf)
	})
	if errors.Is(err, errPayloadChanged) || errors.Is(err, errPayloadRead) {
		return skip(msgPayload, err)
	}
	return fail(msgWrite, err)
}

// writeRevisit writes a revisit record (profile identical-payload-digest):
// the response head only, pointing at the response that holds the payload.
func (w *writer) writeRevisit(common [][2]string, respID, reqID, digest string, ref original, head []byte) error {
	rec, err := buildSmall(gowarc.Revisit, append(common[:len(common):len(common)],
		[2]string{gowarc.WarcRecordID, respID},
		[2]string{gowarc.WarcConcurrentTo, reqID},
		[2]string{gowarc.WarcProfile, gowarc.ProfileIdenticalPayloadDigestV1_1},
		[2]string{gowarc.WarcRefersTo, ref.id},
		[2]string{gowarc.WarcRefersToTargetURI, ref.uri},
		[2]string{gowarc.WarcRefersToDate, ref.date},
		[2]string{gowarc.WarcPayloadDigest, digest},
		[2]string{gowarc.ContentType, mimeResponse},
	), head)
	if err != nil {
		return fail(msgWrite, err)
	}
	_, _, err = w.file.appendMember(func(out io.Writer) error { return writeRecord(out, rec) })
	return fail(msgWrite, err)
}

// ensureFile starts a new file, with its warcinfo record, when none is
// open.
func (w *writer) ensureFile() error {
	if w.file != nil {
		return nil
	}
	now := w.now()
	f, err := createArchiveFile(w.root, now)
	if err != nil {
		return err
	}
	rec, id, err := warcinfoRecord(w.info, f.name, now)
	if err == nil {
		_, _, err = f.appendMember(func(out io.Writer) error { return writeRecord(out, rec) })
	}
	if err != nil {
		f.exchanges = 0
		return errors.Join(err, f.finish())
	}
	w.file, w.infoID = f, id
	return nil
}

// rotate finishes the current file; the next exchange starts a new one.
func (w *writer) rotate() error {
	if w.file == nil {
		return nil
	}
	f := w.file
	w.file = nil
	return f.finish()
}
