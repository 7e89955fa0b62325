package journal

import (
	"database/sql"
	"errors"
	"strconv"
)

// applicationID marks session.db as Pagekeeper's ("PkJl"), so a database
// of some other program at that name is not taken for a list.
const applicationID = 0x506b4a6c

// migrations[v] takes a list from schema version v to v+1; the version is
// kept in PRAGMA user_version. Add new steps at the end, never edit one
// that has shipped.
var migrations = []string{
	// 0 → 1: the first list. Failure fields are columns of their own, so a
	// later Failure field is one more column, not a new encoding.
	`CREATE TABLE job (
		id                  INTEGER PRIMARY KEY,
		url                 TEXT    NOT NULL,
		state               INTEGER NOT NULL,
		attempts            INTEGER NOT NULL,
		files               BLOB    NOT NULL, -- paths joined by NUL
		failure_kind        INTEGER NOT NULL,
		failure_status      INTEGER NOT NULL,
		failure_retry_after INTEGER NOT NULL, -- nanoseconds
		failure_limit       INTEGER NOT NULL,
		failure_wait        INTEGER NOT NULL, -- nanoseconds
		failure_got         INTEGER NOT NULL,
		failure_want        INTEGER NOT NULL,
		http_status         INTEGER NOT NULL,
		final_url           TEXT    NOT NULL,
		bytes               INTEGER NOT NULL,
		sha256              TEXT    NOT NULL,
		missing             INTEGER NOT NULL,
		added               INTEGER NOT NULL, -- Unix nanoseconds, 0 = none
		changed             INTEGER NOT NULL,
		saved               INTEGER NOT NULL
	) STRICT`,
}

// schemaVersion is the version this Pagekeeper writes.
var schemaVersion = len(migrations)

// columns lists job's columns in the order Record's fields are read and
// written (see scan and bind).
const columns = `id, url, state, attempts, files, failure_kind, failure_status,
	failure_retry_after, failure_limit, failure_wait, failure_got, failure_want,
	http_status, final_url, bytes, sha256, missing, added, changed, saved`

const numColumns = 20

const (
	selectSQL = `SELECT ` + columns + ` FROM job`
	upsertSQL = `INSERT INTO job (` + columns + `)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET url = excluded.url, state = excluded.state,
		attempts = excluded.attempts, files = excluded.files,
		failure_kind = excluded.failure_kind, failure_status = excluded.failure_status,
		failure_retry_after = excluded.failure_retry_after,
		failure_limit = excluded.failure_limit, failure_wait = excluded.failure_wait,
		failure_got = excluded.failure_got, failure_want = excluded.failure_want,
		http_status = excluded.http_status, final_url = excluded.final_url,
		bytes = excluded.bytes, sha256 = excluded.sha256, missing = excluded.missing,
		added = excluded.added, changed = excluded.changed, saved = excluded.saved`
	deleteSQL = `DELETE FROM job WHERE id = ?`
	clearSQL  = `DELETE FROM job`
)

// errNotOurs says session.db is a database, but not a list this
// Pagekeeper can read as one: it is set aside like a damaged one.
var errNotOurs = errors.New("session.db is not a Pagekeeper list")

var errNewer = &Error{msg: "The list in this folder was made by a newer version of Pagekeeper. Open the folder with that version, or choose another folder."}

// identify is the schema version of a list of ours (0 for a new, empty
// file); a database of some other program, or a list from a newer
// Pagekeeper, is an error.
func identify(db *sql.DB) (int, error) {
	var app, version int
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&app); err != nil {
		return 0, err
	}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return 0, err
	}
	switch {
	case app == applicationID:
	case app == 0 && version == 0:
		var tables int
		if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&tables); err != nil {
			return 0, err
		}
		if tables > 0 {
			return 0, errNotOurs
		}
	default:
		return 0, errNotOurs
	}
	if version > schemaVersion {
		return 0, errNewer
	}
	return version, nil
}

// migrate brings a list at version to schemaVersion, creating the list in
// a new file, and checks the table is there to be read.
func migrate(db *sql.DB, version int) error {
	for ; version < schemaVersion; version++ {
		if err := step(db, version); err != nil {
			return err
		}
	}
	rows, err := db.Query(selectSQL + ` LIMIT 0`)
	if err != nil {
		if sqliteCode(err) == 1 { // SQLITE_ERROR: no such table or column
			return errors.Join(errNotOurs, err)
		}
		return err
	}
	return rows.Close()
}

// step runs migration version → version+1 in one transaction (the
// version pragmas are part of it).
func step(db *sql.DB, version int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(migrations[version]); err != nil {
		return err
	}
	if version == 0 {
		if _, err := tx.Exec(`PRAGMA application_id = ` + strconv.Itoa(applicationID)); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`PRAGMA user_version = ` + strconv.Itoa(version+1)); err != nil {
		return err
	}
	return tx.Commit()
}
