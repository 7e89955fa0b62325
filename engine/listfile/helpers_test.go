package listfile

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"
	"golang.org/x/text/encoding/unicode"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// readAll opens content named name and returns its format and entries,
// failing the test on any error.
func readAll(t *testing.T, content, name string) (Format, []Entry) {
	t.Helper()
	l, err := Open(strings.NewReader(content), name)
	if err != nil {
		t.Fatalf("Open(%s): %v", name, err)
	}
	var got []Entry
	for e := range l.All(context.Background()) {
		got = append(got, e)
	}
	if err := l.Err(); err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return l.Format(), got
}

// texts returns the line and text of each entry, as "3 https://a.b/".
func texts(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, itoa(e.Line)+" "+e.Text)
	}
	return out
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// refusal returns the kind of *Error err is, failing if it is not one
// with a sentence that names the file.
func refusal(t *testing.T, err error, name string) ErrorKind {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	msg := e.Error()
	if e.Kind != Unwritable && !strings.HasPrefix(msg, name) || !strings.HasSuffix(msg, ".") {
		t.Errorf("message %q does not start with %q and end with a full stop", msg, name)
	}
	return e.Kind
}

func utf16(t *testing.T, s string, e unicode.Endianness) string {
	t.Helper()
	out, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
