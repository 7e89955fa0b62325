package journal

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"pagekeeper/engine/failure"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeout bounds a wait for SQLite's own file locks. The folder lock
// keeps other Pagekeepers out, so only an outside tool reading the file
// could make us wait.
const busyTimeout = 5 * time.Second

// testVFS, when set by a test, opens the database through that SQLite VFS
// (one without shared memory refuses WAL, as a network share should).
var testVFS string

// store is session.db through one SQLite connection.
type store struct {
	db     *sql.DB
	upsert *sql.Stmt
	delete *sql.Stmt
	// mode is the journal mode in use: "wal", or "delete" where WAL was
	// refused or the folder is on a network share.
	mode string
}

// fileURI is path as a SQLite URI, so no character of the folder's name
// ('?', '#', '%') is taken for URI syntax.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, which SQLite's Windows VFS expects
	}
	var b strings.Builder
	b.WriteString("file://") // an empty authority, then the path
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// checkHeader refuses a file that is not SQLite at all before SQLite
// opens it: SQLite would take the files beside it for its own and delete
// them, and they must be set aside as they were found.
func checkHeader(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 100) // the database header
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && err == io.EOF:
		return nil // an empty file is an empty database
	case err == io.ErrUnexpectedEOF:
		return fmt.Errorf("%w: %d bytes, shorter than a database header", errNotOurs, n)
	case err != nil:
		return err
	case string(head[:len(sqliteHeader)]) != sqliteHeader:
		return fmt.Errorf("%w: not an SQLite file", errNotOurs)
	}
	return nil
}

// openStore opens (creating) the database at path and brings it to the
// current schema. A damaged file gives an error for which damaged or
// errors.Is(err, errNotOurs) holds.
func openStore(path string, wal bool) (*store, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	dsn := fileURI(path) + fmt.Sprintf("?_pragma=busy_timeout(%d)&_pragma=synchronous(FULL)", busyTimeout.Milliseconds())
	if testVFS != "" {
		dsn += "&vfs=" + testVFS
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// One connection, kept for the journal's life: writes are serial
	// anyway, and a read waits for the write before it.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &store{db: db}
	if err := s.prepare(wal); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// prepare checks the file is a sound list of ours before changing
// anything in it (a file set aside must be left as it was found), then
// sets the journal mode and brings the schema up to date.
func (s *store) prepare(wal bool) error {
	version, err := identify(s.db)
	if err != nil {
		return err
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA quick_check`).Scan(&check); err != nil {
		return err
	}
	if check != "ok" {
		return fmt.Errorf("%w: quick_check: %s", errNotOurs, check)
	}
	if err := s.setJournalMode(wal); err != nil {
		return err
	}
	if err := migrate(s.db, version); err != nil {
		return err
	}
	if s.upsert, err = s.db.Prepare(upsertSQL); err != nil {
		return err
	}
	s.delete, err = s.db.Prepare(deleteSQL)
	return err
}

// setJournalMode asks for WAL (readers never wait, one fsync per commit)
// and falls back to a rollback journal where SQLite refuses WAL, as it
// does where the file system has no shared memory.
func (s *store) setJournalMode(wal bool) error {
	var got string
	if wal {
		err := s.db.QueryRow(`PRAGMA journal_mode = WAL`).Scan(&got)
		if err == nil && strings.EqualFold(got, "wal") {
			s.mode = "wal"
			return nil
		}
		if damaged(err) {
			return err
		}
	}
	if err := s.db.QueryRow(`PRAGMA journal_mode = DELETE`).Scan(&got); err != nil {
		return err
	}
	if !strings.EqualFold(got, "delete") {
		return fmt.Errorf("journal_mode is %q, not delete", got)
	}
	s.mode = "delete"
	return nil
}

// write applies one batch in one transaction: all of it or none.
func (s *store) write(b *batch) (err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if b.clear {
		if _, err := tx.Exec(clearSQL); err != nil {
			return err
		}
	}
	upsert, del := tx.Stmt(s.upsert), tx.Stmt(s.delete)
	for i := range b.ops {
		o := &b.ops[i]
		if o.remove {
			_, err = del.Exec(o.id)
		} else {
			_, err = upsert.Exec(bind(&o.rec)...)
		}
		if err != nil {
			return err
		}
	}
	return tx.Commit()
}

// bind is r's column values in the order of columns.
func bind(r *Record) []any {
	f := &r.Failure
	return []any{
		r.ID, r.URL, r.State, r.Attempts, []byte(joinFiles(r.Files)),
		int64(f.Kind), f.Status, int64(f.RetryAfter), f.Limit, int64(f.Wait), f.Got, f.Want,
		r.HTTPStatus, r.FinalURL, r.Bytes, r.SHA256, r.Missing,
		timeToInt(r.Added), timeToInt(r.Changed), timeToInt(r.Saved),
	}
}

// readAll is every row in ID order. It reads through the driver itself:
// database/sql's Scan would copy every value once more, and Load of a
// long list is what a person waits for at start.
func (s *store) readAll() ([]Record, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM job`).Scan(&n); err != nil {
		return nil, err
	}
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	out := make([]Record, 0, n)
	err = conn.Raw(func(dc any) error {
		q, ok := dc.(driver.QueryerContext)
		if !ok {
			return errors.New("the sqlite driver cannot query")
		}
		rows, err := q.QueryContext(ctx, selectSQL+` ORDER BY id`, nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		var vals [numColumns]driver.Value
		for {
			if err := rows.Next(vals[:]); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			r, err := scan(&vals)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

var errBadRow = fmt.Errorf("%w: a row has a value of the wrong type", errNotOurs)

// scan makes a Record of one row's values (columns' order). The table is
// STRICT, so a type other than the declared one means a damaged file.
func scan(v *[numColumns]driver.Value) (Record, error) {
	var bad bool
	i := func(k int) int64 {
		n, ok := v[k].(int64)
		bad = bad || !ok
		return n
	}
	str := func(k int) string {
		switch s := v[k].(type) {
		case string:
			return s
		case []byte:
			return string(s)
		}
		bad = true
		return ""
	}
	r := Record{
		ID: int(i(0)), URL: str(1), State: int(i(2)), Attempts: int(i(3)),
		Files:      splitFiles(str(4)),
		HTTPStatus: int(i(12)), FinalURL: str(13), Bytes: i(14), SHA256: str(15),
		Missing: int(i(16)), Added: intToTime(i(17)), Changed: intToTime(i(18)), Saved: intToTime(i(19)),
	}
	f := &r.Failure
	f.Kind = failure.Kind(i(5))
	f.Status = int(i(6))
	f.RetryAfter = time.Duration(i(7))
	f.Limit = i(8)
	f.Wait = time.Duration(i(9))
	f.Got, f.Want = i(10), i(11)
	if bad {
		return Record{}, errBadRow
	}
	return r, nil
}

func (s *store) close() error {
	// Statements first: database/sql closes them with the db too, but
	// their errors would be lost.
	var errs []error
	for _, st := range []*sql.Stmt{s.upsert, s.delete} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(append(errs, s.db.Close())...)
}
