// Package journal keeps the list of addresses in the output folder, in
// .pagekeeper/session.db (SQLite), so quitting or a crash loses no work,
// and keeps a second Pagekeeper out of the folder with .pagekeeper/lock.
//
// # Writing
//
// The engine calls Put at every state change, under its own lock: Put
// only records the change in memory (a later change of the same row
// replaces an earlier one not yet written). A writer goroutine commits
// the changes in one transaction 100 ms after the first of them, or at
// once when 256 rows have changed. Flush and Close wait for it. A write
// the disk refuses is kept and tried again every second; Err says why
// while it lasts.
//
// # What a crash loses
//
// The file is in WAL mode with synchronous=FULL (a rollback journal with
// synchronous=FULL where WAL is refused or the folder is on a network
// share). Every commit is atomic and durable: a crash of the process, of
// the system or of the power never leaves a half-written or damaged list,
// and keeps every commit that finished (as far as the disk keeps what it
// is told to sync: on macOS SQLite's default fsync does not empty the
// drive's own cache). It loses the changes not yet
// committed: those Put in the last 100 ms or so (at most the batch being
// written and the one being gathered), and nothing that a Flush before
// the crash returned for.
//
// # Reopening after a crash
//
// The list then shows each row as it was up to 100 ms before the crash.
// The engine must make that right when it loads the list:
//
//   - Rows in a state of work (queued, downloading, retrying, waiting to
//     save, saving) are queued again.
//   - Saved rows whose Files are no longer on disk become failed with
//     failure.FileMissing.
//   - A page placed under its final name just before the crash may still
//     show as saving: queued again, it would be fetched and saved a second
//     time (a " (2)" file, never a loss). The engine avoids that with its
//     own intent log (.pagekeeper/placing.log, one write per page before
//     the file takes its name, read back on opening), since the journal's
//     next commit may come after the crash.
//   - Addresses added in the last 100 ms are not in the list: Add should
//     Flush (outside the engine's lock) before it returns.
package journal
