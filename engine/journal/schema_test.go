package journal

import (
	"database/sql"
	"testing"
)

func versions(t *testing.T, dir string) (app, version int) {
	t.Helper()
	db, err := sql.Open("sqlite", listFile(dir))
	must(t, err)
	defer db.Close()
	must(t, db.QueryRow(`PRAGMA application_id`).Scan(&app))
	must(t, db.QueryRow(`PRAGMA user_version`).Scan(&version))
	return app, version
}

func TestNewListVersioned(t *testing.T) {
	dir := t.TempDir()
	writeList(t, dir, 1)
	if app, version := versions(t, dir); app != applicationID || version != schemaVersion {
		t.Fatalf("application_id %#x, user_version %d; want %#x, %d", app, version, applicationID, schemaVersion)
	}
}

// A list of the current version opened by a Pagekeeper with one more
// migration is brought up to date, rows kept.
func TestMigration(t *testing.T) {
	dir := t.TempDir()
	writeList(t, dir, 5)

	defer func(m []string, v int) { migrations, schemaVersion = m, v }(migrations, schemaVersion)
	migrations = append(migrations[:len(migrations):len(migrations)],
		`ALTER TABLE job ADD COLUMN note TEXT NOT NULL DEFAULT ''`)
	schemaVersion = len(migrations)

	j := mustOpen(t, dir)
	var want []Record
	for id := 1; id <= 5; id++ {
		want = append(want, sample(id, 1))
	}
	sameRecords(t, mustLoad(t, j), want)
	j.Put(sample(6, 1)) // the new column takes its default
	want = append(want, sample(6, 1))
	j = reopen(t, j, dir)
	sameRecords(t, mustLoad(t, j), want)
	mustClose(t, j)
	if _, version := versions(t, dir); version != schemaVersion {
		t.Fatalf("user_version %d after the migration, want %d", version, schemaVersion)
	}
}
