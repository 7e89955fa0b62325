package warc

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"pagekeeper/engine/naming"

	"github.com/nlnwa/gowarc/v3"
)

// cdxjFields is the JSON block of a CDXJ line, in the field order pywb and
// py-wacz write. Numbers are strings, as py-wacz writes them.
type cdxjFields struct {
	URL      string `json:"url"`
	Mime     string `json:"mime"`
	Status   string `json:"status,omitempty"`
	Digest   string `json:"digest,omitempty"`
	Length   string `json:"length"`
	Offset   string `json:"offset"`
	Filename string `json:"filename"`
}

// indexResult is what indexing one WARC file finds.
type indexResult struct {
	lines []string
	// software is the first warcinfo record's software line, if any.
	software string
}

// indexWARC reads the records of one WARC file (headers and HTTP heads
// only; payloads are skipped, not held) and makes a CDXJ line for every
// response and revisit record: its SURT key, its 14-digit time stamp and
// where its gzip member lies in the file.
func indexWARC(r io.Reader, filename string) (indexResult, error) {
	var res indexResult
	rd, err := newWARCReader(r,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	if err != nil {
		return res, err
	}
	defer rd.Close()
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return res, nil
		}
		if err != nil {
			rec.Close()
			return res, err
		}
		line, software := indexRecord(rec, filename)
		if line != "" {
			res.lines = append(res.lines, line)
		}
		if res.software == "" {
			res.software = software
		}
		rec.Close()
	}
}

// indexRecord makes the CDXJ line of one record ("" for records that are
// not indexed) and returns a warcinfo record's software line.
func indexRecord(rec gowarc.Record, filename string) (line, software string) {
	wr := rec.WarcRecord
	h := wr.WarcHeader()
	switch wr.Type() {
	case gowarc.Warcinfo:
		return "", warcinfoSoftware(wr)
	case gowarc.Response, gowarc.Revisit:
	default:
		return "", ""
	}
	target := h.Get(gowarc.WarcTargetURI)
	date, err := time.Parse(time.RFC3339, h.Get(gowarc.WarcDate))
	if target == "" || err != nil {
		return "", ""
	}
	f := cdxjFields{
		URL:      target,
		Digest:   h.Get(gowarc.WarcPayloadDigest),
		Length:   strconv.FormatInt(rec.Size, 10),
		Offset:   strconv.FormatInt(rec.Offset, 10),
		Filename: filename,
	}
	if head, ok := wr.Block().(gowarc.ProtocolHeaderBlock); ok {
		f.Status, f.Mime = statusAndMime(head.ProtocolHeaderBytes())
	}
	if wr.Type() == gowarc.Revisit {
		f.Mime = "warc/revisit"
	}
	if f.Mime == "" {
		f.Mime = "unk"
	}
	var b bytes.Buffer
	b.WriteString(SURT(target))
	b.WriteByte(' ')
	b.WriteString(date.UTC().Format(timeLayout))
	b.WriteByte(' ')
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return "", ""
	}
	return strings.TrimSuffix(b.String(), "\n"), ""
}

// statusAndMime reads the status code and the media type (without
// parameters) from an HTTP response head.
func statusAndMime(head []byte) (status, mediaType string) {
	lines := strings.Split(string(head), "\n")
	if len(lines) == 0 {
		return "", ""
	}
	if parts := strings.Fields(lines[0]); len(parts) >= 2 && strings.HasPrefix(parts[0], "HTTP/") {
		if _, err := strconv.Atoi(parts[1]); err == nil {
			status = parts[1]
		}
	}
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(strings.TrimRight(l, "\r"), ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Content-Type") {
			return status, naming.MediaType(value)
		}
	}
	return status, ""
}

// warcinfoSoftware is the "software" line of a warcinfo block.
func warcinfoSoftware(wr gowarc.WarcRecord) string {
	r, err := wr.Block().RawBytes()
	if err != nil {
		return ""
	}
	block, err := io.ReadAll(io.LimitReader(r, 64<<10))
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(block), "\n") {
		if name, value, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "software") {
			return strings.TrimSpace(value)
		}
	}
	return ""
}
