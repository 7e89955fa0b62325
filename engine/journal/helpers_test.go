package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"

	"go.uber.org/goleak"

	"pagekeeper/engine/failure"
)

func TestMain(m *testing.M) {
	if role := os.Getenv(helperRoleEnv); role != "" {
		os.Exit(helperMain(role, os.Getenv(helperDirEnv)))
	}
	goleak.VerifyTestMain(m)
}

// sample is a record with every field set, all of them following from id
// and version, so a row read back can be checked whole.
func sample(id, version int) Record {
	sum := sha256.Sum256([]byte(strconv.Itoa(id) + "/" + strconv.Itoa(version)))
	base := int64(1795000000) * int64(time.Second)
	r := Record{
		ID:       id,
		URL:      fmt.Sprintf("https://ann:s3cr%%C3%%A9t@example.com/p/%d?q=ü#x", id),
		State:    version,
		Attempts: version % 5,
		Files:    []string{fmt.Sprintf("example.com/page %d.html", id), "example.com/style (2).css"},
		Failure: failure.Failure{
			Kind: failure.Kind(version % 20), Status: 500 + version%4, RetryAfter: time.Duration(version) * time.Second,
			Limit: int64(version) << 20, Wait: time.Duration(version) * time.Millisecond, Got: int64(id), Want: int64(id + version),
		},
		HTTPStatus: 200 + version%3,
		FinalURL:   fmt.Sprintf("https://www.example.com/p/%d/", id),
		Bytes:      int64(id)*1000 + int64(version),
		SHA256:     hex.EncodeToString(sum[:]),
		Missing:    version % 3,
		Added:      time.Unix(0, base+int64(id)*int64(time.Second)),
		Changed:    time.Unix(0, base+int64(id+version)*int64(time.Second)+123),
	}
	if version%2 == 0 {
		r.Saved = r.Changed.Add(time.Millisecond)
	}
	return r
}

// normal makes records comparable with reflect.DeepEqual: times in UTC
// without a monotonic reading, no Files as nil.
func normal(rs []Record) []Record {
	out := make([]Record, len(rs))
	for i, r := range rs {
		for _, t := range []*time.Time{&r.Added, &r.Changed, &r.Saved} {
			if !t.IsZero() {
				*t = t.Round(0).UTC()
			}
		}
		if len(r.Files) == 0 {
			r.Files = nil
		}
		out[i] = r
	}
	return out
}

func sameRecords(t *testing.T, got, want []Record) {
	t.Helper()
	g, w := normal(got), normal(want)
	if len(g) != len(w) {
		t.Fatalf("got %d records, want %d", len(g), len(w))
	}
	for i := range g {
		if !reflect.DeepEqual(g[i], w[i]) {
			t.Fatalf("record %d:\ngot  %+v\nwant %+v", i, g[i], w[i])
		}
	}
}

func mustOpen(t testing.TB, dir string) *Journal {
	t.Helper()
	j, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if n := j.Notice(); n != "" {
		t.Fatalf("unexpected notice: %s", n)
	}
	return j
}

func mustClose(t testing.TB, j *Journal) {
	t.Helper()
	if err := j.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func mustLoad(t testing.TB, j *Journal) []Record {
	t.Helper()
	rows, err := j.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return rows
}

// reopen closes j and opens its folder again.
func reopen(t *testing.T, j *Journal, dir string) *Journal {
	t.Helper()
	mustClose(t, j)
	return mustOpen(t, dir)
}

// committed counts the rows in the database file, written or not by the
// writer yet (the writer's connection sees only committed rows).
func committed(t *testing.T, j *Journal) int {
	t.Helper()
	var n int
	if err := j.st.db.QueryRow(`SELECT count(*) FROM job`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func asJournalError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
