// Package listfile reads lists of web addresses from files and writes
// them back out.
//
// Reading streams: a list is never held whole in memory, so a 50 MB file
// costs a few buffers rather than several copies of itself, and reading
// can be canceled. The format is found from the content, not the name:
// plain text (one address per line), CSV or tab-separated (the address
// column found by its header), browser bookmark exports (the Netscape
// bookmarks HTML of Chrome, Edge, Firefox and Safari) and the links of a
// web page; in UTF-8 with or without a byte order mark, UTF-16 with one,
// or Windows-1252. Files that are not lists (images, archives, anything
// binary), empty files and files over MaxSize are refused with a
// sentence a person can act on.
//
// A List yields entries (a line number and the text found there) for
// address.Parser to judge, so a caller can add a large list in batches.
// Preview reads a whole list once to say what it holds before anything is
// added. WriteText and WriteCSV export a list so that it reads back the
// same.
package listfile
