package listfile

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"pagekeeper/engine/address"
)

var exportRows = []ExportRow{
	{"https://example.com/", "Saved", "example.com/Example Domain.html", ""},
	{"https://xn--bcher-kva.example/caf%C3%A9?q=a,b;c", "Failed", "", "Server said \"no\", twice"},
	{"https://ann:secret@example.org/private", "Saved", "example.org/private.html", "=HYPERLINK(\"http://evil.example\")"},
	{"http://127.0.0.1:8080/a%20b", "Canceled", "", "-1 try\nleft"},
	{"https://example.net/@home", "Queued", "@file", "+plus"},
}

// parseBack reads an exported list as the window would and returns the
// addresses it accepts.
func parseBack(t *testing.T, data []byte, name string) (Format, []string) {
	t.Helper()
	l, err := Open(bytes.NewReader(data), name)
	if err != nil {
		t.Fatal(err)
	}
	p := address.NewParser(0)
	var parsed address.Parsed
	for n, text := range l.Entries(context.Background()) {
		p.Entry(n, text, &parsed)
	}
	if l.Err() != nil || len(parsed.Rejected) != 0 {
		t.Fatalf("reading back: %v, rejected %+v", l.Err(), parsed.Rejected)
	}
	var urls []string
	for _, a := range parsed.Accepted {
		urls = append(urls, a.URL)
	}
	return l.Format(), urls
}

// exported is what a round trip should give: each address, its password
// masked.
func exported() []string {
	var want []string
	for _, r := range exportRows {
		u, _ := address.Normalize(address.Redact(r.Address))
		want = append(want, u)
	}
	return want
}

func TestTextRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, slices.Values(exportRows)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "secret") || !strings.Contains(b.String(), "ann:***@") {
		t.Errorf("password not masked:\n%s", b.String())
	}
	f, urls := parseBack(t, b.Bytes(), "list.txt")
	if f.Kind != Text || !slices.Equal(urls, exported()) {
		t.Errorf("read back as %+v: %q, want %q", f, urls, exported())
	}
}

func TestCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, slices.Values(exportRows)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFFaddress,state,saved file,message\r\n") {
		t.Errorf("no BOM or header: %q", out[:min(len(out), 60)])
	}
	for _, want := range []string{
		`"Server said ""no"", twice"`, // quoted, quotes doubled
		`"'=HYPERLINK(""http://evil.example"")"`,
		"'@file", "'+plus", "\"'-1 try\r\nleft\"", // UseCRLF writes line ends inside cells as CRLF too
		"https://ann:***@example.org/private",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "secret") {
		t.Errorf("password written:\n%s", out)
	}
	f, urls := parseBack(t, b.Bytes(), "export.csv")
	if f.Kind != CSV || f.Header != "address" || f.Column != 0 || !slices.Equal(urls, exported()) {
		t.Errorf("read back as %+v: %q, want %q", f, urls, exported())
	}
	// Named anything, it is still read as the table it is.
	if f, urls := parseBack(t, b.Bytes(), "export"); f.Kind != CSV || !slices.Equal(urls, exported()) {
		t.Errorf("without .csv: %+v %q", f, urls)
	}
}

type fullDisk struct{ room int }

func (d *fullDisk) Write(p []byte) (int, error) {
	if len(p) > d.room {
		n := d.room
		d.room = 0
		return n, errors.New("no space left on device")
	}
	d.room -= len(p)
	return len(p), nil
}

func TestExportWriteErrors(t *testing.T) {
	many := slices.Repeat(exportRows, 10_000)
	for name, write := range map[string]func() error{
		"text":      func() error { return WriteText(&fullDisk{room: 100}, slices.Values(many)) },
		"csv":       func() error { return WriteCSV(&fullDisk{room: 100}, slices.Values(many)) },
		"csv start": func() error { return WriteCSV(&fullDisk{}, slices.Values(many)) },
	} {
		err := write()
		var e *Error
		if !errors.As(err, &e) || e.Kind != Unwritable || strings.Contains(err.Error(), "no space") || !strings.HasPrefix(err.Error(), "The list could not be written") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
