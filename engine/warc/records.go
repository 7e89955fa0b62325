package warc

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// Header values that gowarc has no constant for.
const (
	mimeRequest   = "application/http;msgtype=request"
	mimeResponse  = "application/http;msgtype=response"
	warcSpecURL   = "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
	dateLayout    = "2006-01-02T15:04:05.000Z"
	digestPrefix  = "sha256:"
	recordVersion = "WARC/1.1\r\n"
)

// Digests are written as sha256 in lower-case hex ("sha256:<64 hex>"):
// gowarc's default for sha256 and the IIPC digest recommendation, what
// warcio.js (ArchiveWeb.page, Browsertrix) writes and ReplayWeb.page and
// py-wacz read. Base32 for sha256 needs '=' padding, which the WARC
// grammar forbids in a digest token.
func digestString(sum []byte) string { return digestPrefix + hex.EncodeToString(sum) }

// warcDate formats a record time in UTC with milliseconds: WARC/1.1 allows
// fractions of a second, and milliseconds are what every reader (Python,
// JavaScript, Java) parses.
func warcDate(t time.Time) string { return t.UTC().Format(dateLayout) }

// newRecordID is a fresh urn:uuid (version 4) in angle brackets.
func newRecordID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// builderOptions make the record builder fail on anything that breaks the
// WARC specification, so a bad record is never written.
func builderOptions() []gowarc.WarcRecordOption {
	return []gowarc.WarcRecordOption{
		gowarc.WithVersion(gowarc.V1_1),
		gowarc.WithStrictValidation(),
		gowarc.WithBlockErrorPolicy(gowarc.ErrFail),
	}
}

// buildSmall builds a record whose block fits in memory with gowarc's
// builder, checked against the specification and its block digest.
func buildSmall(rt gowarc.RecordType, fields [][2]string, block []byte) (gowarc.WarcRecord, error) {
	rb := newRecordBuilder(rt, builderOptions()...)
	for _, f := range fields {
		rb.AddWarcHeader(f[0], f[1])
	}
	sum := sha256.Sum256(block)
	rb.AddWarcHeader(gowarc.WarcBlockDigest, digestString(sum[:]))
	if _, err := rb.Write(block); err != nil {
		rb.Close()
		return nil, err
	}
	rec, _, err := rb.Build()
	return rec, err
}

// writeRecord marshals a built record into w with gowarc's marshaler.
func writeRecord(w io.Writer, rec gowarc.WarcRecord) error {
	defer rec.Close()
	_, _, err := gowarc.NewMarshaler().Marshal(w, rec, 0)
	return err
}

// Info describes the run for the warcinfo record at the start of every
// file.
type Info struct {
	// Software is the program's name, such as "Pagekeeper".
	Software string
	// Version is the program's version.
	Version string
	// PageFormat is the page format the run saves pages in.
	PageFormat string
	// Settings are the run's settings, written one per line.
	Settings map[string]string
}

// warcinfoRecord is the first record of a file: who wrote it and how.
func warcinfoRecord(info Info, fileName string, now time.Time) (gowarc.WarcRecord, string, error) {
	var block bytes.Buffer
	line := func(k, v string) {
		fmt.Fprintf(&block, "%s: %s\r\n", fieldName(k), fieldValue(v))
	}
	software := strings.TrimSpace(info.Software + " " + info.Version)
	if software == "" {
		software = "Pagekeeper"
	}
	line("software", software)
	line("format", "WARC File Format 1.1")
	line("conformsTo", warcSpecURL)
	if info.PageFormat != "" {
		line("page-format", info.PageFormat)
	}
	keys := make([]string, 0, len(info.Settings))
	for k := range info.Settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		line("setting-"+k, info.Settings[k])
	}
	id := newRecordID()
	rec, err := buildSmall(gowarc.Warcinfo, [][2]string{
		{gowarc.WarcRecordID, id},
		{gowarc.WarcDate, warcDate(now)},
		{gowarc.WarcFilename, fileName},
		{gowarc.ContentType, gowarc.ApplicationWarcFields},
	}, block.Bytes())
	return rec, id, err
}

// fieldName keeps the characters a WARC field name may hold (an HTTP
// token) and replaces the others with '-'.
func fieldName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			b[i] = '-'
		}
	}
	if len(b) == 0 {
		return "-"
	}
	return string(b)
}

// fieldValue keeps a value on one line: control characters become spaces.
func fieldValue(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// hasControl reports whether s holds a control character, which would
// break a header line.
func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0
}
