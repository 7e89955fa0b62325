package journal

// networkShare reports whether path is on a network file system, where
// SQLite's write-ahead log does not work (its shared-memory index is per
// machine); there the list uses a rollback journal. Tests replace it.
var networkShare = onNetworkShare
