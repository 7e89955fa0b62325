// Package naming chooses the folder and file names pages are kept under.
//
// Every name it returns is safe on Windows, macOS and Linux at once,
// because people copy their kept pages between computers and onto USB
// sticks: no characters any of them forbid, no reserved Windows device
// names, no hidden files, no names a file system would silently change,
// and lengths well inside every limit.
package naming
