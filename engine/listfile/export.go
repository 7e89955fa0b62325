package listfile

import (
	"bufio"
	"encoding/csv"
	"io"
	"iter"
	"strings"

	"pagekeeper/engine/address"
)

// ExportRow is one address of a list being exported, with what happened
// to it, in the words the window shows.
type ExportRow struct {
	Address   string // as address.Normalize returns it; its password is masked on export
	State     string // e.g. "Saved", "Failed"
	SavedFile string // the saved file's path within the output folder, or ""
	Message   string // e.g. "Server did not answer", or ""
}

// csvHeader is the first row of an exported CSV file. Its "address" cell
// is one Open recognises, so an export reads back as a list.
var csvHeader = []string{"address", "state", "saved file", "message"}

// WriteText writes one address per line, the simplest list to read back,
// edit or paste. Passwords are masked (address.Redact): an exported list
// is a file anyone may be sent, and a login's password is kept only in the
// session journal.
func WriteText(w io.Writer, rows iter.Seq[ExportRow]) error {
	bw := bufio.NewWriter(w)
	for row := range rows {
		bw.WriteString(address.Redact(row.Address))
		if err := bw.WriteByte('\n'); err != nil {
			return writeError(err) // stop at the first failure, a full disk say
		}
	}
	return writeError(bw.Flush())
}

// WriteCSV writes a table with a header row (address, state, saved file,
// message) for spreadsheets: UTF-8 with a byte order mark, which Excel
// needs to read anything but ASCII correctly, and CRLF line ends (RFC
// 4180). Passwords are masked as in WriteText, and a cell that a
// spreadsheet would run as a formula starts with an apostrophe.
func WriteCSV(w io.Writer, rows iter.Seq[ExportRow]) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return writeError(err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvHeader)
	record := make([]string, len(csvHeader))
	for row := range rows {
		record[0] = cell(address.Redact(row.Address))
		record[1] = cell(row.State)
		record[2] = cell(row.SavedFile)
		record[3] = cell(row.Message)
		if err := cw.Write(record); err != nil {
			return writeError(err)
		}
	}
	cw.Flush()
	return writeError(cw.Error())
}

// cell makes s safe in a spreadsheet: text starting with "=", "+", "-",
// "@" or a tab or carriage return would be run as a formula (OWASP's CSV
// injection advice), so it gets a leading apostrophe, which spreadsheets
// show as text. Addresses start with their scheme and never need it.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeError(err error) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: Unwritable, err: err}
}
