package listfile

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRefusals(t *testing.T) {
	var pngFile bytes.Buffer
	png.Encode(&pngFile, image.NewRGBA(image.Rect(0, 0, 4, 4)))
	tests := []struct {
		name, content string
		want          ErrorKind
	}{
		{"empty.txt", "", Empty},
		{"bom.txt", "\uFEFF", Empty},
		{"blank.txt", " \r\n\t\n\n", Empty},
		{"utf16-empty.txt", "\xFF\xFE", Empty},
		{"utf16-blank.txt", "\xFF\xFE\n\x00 \x00", Empty},
		{"photo.jpg", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", NotAList},
		{"image.png", pngFile.String(), NotAList},
		{"archive.zip", "PK\x03\x04\x14\x00\x00\x00\x08\x00", NotAList},
		{"doc.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", NotAList},
		{"nul.txt", "example.com\x00\nexample.org\n", NotAList},
		{"utf32.txt", "\xFF\xFE\x00\x00h\x00\x00\x00", NotAList},
		{"controls.bin", strings.Repeat("\x01\x02\x03ab\x04\x05\x06cd", 100), NotAList},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(strings.NewReader(tt.content), tt.name)
			if err == nil {
				t.Fatal("Open accepted it")
			}
			if kind := refusal(t, err, tt.name); kind != tt.want {
				t.Errorf("kind %d (%v), want %d", kind, err, tt.want)
			}
		})
	}
}

func TestRefusalMessages(t *testing.T) {
	_, err := Open(strings.NewReader("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "photo.jpg")
	if err == nil || err.Error() != "photo.jpg does not look like a list of addresses: choose a text, CSV or bookmarks file." {
		t.Errorf("binary: %v", err)
	}
	_, err = Open(strings.NewReader(""), "list.txt")
	if err == nil || err.Error() != "list.txt is empty: choose a file with web addresses in it." {
		t.Errorf("empty: %v", err)
	}
	_, err = Open(strings.NewReader(""), "\u202egpj.txt\x00")
	if err == nil || !strings.HasPrefix(err.Error(), "gpj.txt is empty") {
		t.Errorf("name not cleaned: %v", err)
	}
}

// TestNULLaterInFile checks that a binary part after a text start stops
// the reading with the same refusal, after the entries before it.
func TestNULLaterInFile(t *testing.T) {
	content := strings.Repeat("https://example.com/\n", 10_000) + "\x00\x01\x02"
	l, err := Open(strings.NewReader(content), "mixed.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range l.Entries(context.Background()) {
		n++
	}
	if n == 0 || n > 10_000 || refusal(t, l.Err(), "mixed.txt") != NotAList {
		t.Errorf("read %d entries, then %v", n, l.Err())
	}
}

// endless is a reader of one endless line of "a".
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestTooLargeWhileReading(t *testing.T) {
	l, err := Open(endless{}, "huge.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range l.Entries(context.Background()) {
		n++
	}
	if refusal(t, l.Err(), "huge.txt") != TooLarge || n > 1 {
		t.Errorf("after %d entries: %v", n, l.Err())
	}
	if !strings.Contains(l.Err().Error(), "larger than 256 MB") {
		t.Errorf("message %q", l.Err())
	}
}

func TestTooLargeFileIsRefusedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("example.com\n")
	if err := f.Truncate(MaxSize + 1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Seek(0, io.SeekStart)
	if _, err := Open(f, "big.txt"); refusal(t, err, "big.txt") != TooLarge {
		t.Errorf("Open: %v", err)
	}
}

type failingReader struct{ after int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.after <= 0 {
		return 0, errors.New("input/output error")
	}
	n := min(len(p), r.after)
	for i := range n {
		p[i] = "example.com\n"[i%12]
	}
	r.after -= n
	return n, nil
}

func TestReadErrors(t *testing.T) {
	if _, err := Open(&failingReader{}, "gone.txt"); refusal(t, err, "gone.txt") != Unreadable || strings.Contains(err.Error(), "input/output") {
		t.Errorf("at once: %v", err)
	}
	l, err := Open(&failingReader{after: 200_000}, "gone.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range l.Entries(context.Background()) {
		n++
	}
	if refusal(t, l.Err(), "gone.txt") != Unreadable || n == 0 {
		t.Errorf("after %d entries: %v", n, l.Err())
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l, err := Open(strings.NewReader(strings.Repeat("https://example.com/\n", 100_000)), "list.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range l.Entries(ctx) {
		n++
		if n == 5000 {
			cancel()
		}
	}
	if !errors.Is(l.Err(), context.Canceled) || n >= 100_000 {
		t.Errorf("read %d entries after canceling, Err %v", n, l.Err())
	}
	// A canceled endless file stops too: the check is in the reads.
	ctx2, cancel2 := context.WithCancel(context.Background())
	l, _ = Open(endless{}, "endless.txt")
	cancel2()
	for range l.Entries(ctx2) {
	}
	if !errors.Is(l.Err(), context.Canceled) {
		t.Errorf("endless: %v", l.Err())
	}
}

func TestEntriesOnce(t *testing.T) {
	l, _ := Open(strings.NewReader("a.com\nb.com"), "x")
	n := 0
	for range l.Entries(context.Background()) {
		n++
		break
	}
	for range l.Entries(context.Background()) {
		n++
	}
	if n != 1 {
		t.Errorf("second range yielded entries: %d", n)
	}
}
