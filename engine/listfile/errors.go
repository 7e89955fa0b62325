package listfile

import (
	"fmt"
	"strings"
	"unicode"
)

// ErrorKind says why a list could not be read or written, so a caller
// can choose its own words; Error already holds a plain sentence.
type ErrorKind int

// The reasons a list is refused.
const (
	Empty      ErrorKind = iota + 1 // nothing in the file but white space
	NotAList                        // binary: an image, an archive, a program
	TooLarge                        // over MaxSize
	Unreadable                      // the file could not be read to the end
	Broken                          // an entry the reader cannot get past
	Unwritable                      // an export could not be written
)

// Error is a list that could not be read or written. Its message is a
// sentence for the person who chose the file; the cause, if any, is
// available to errors.Is and errors.As but never shown.
type Error struct {
	Kind ErrorKind
	Name string // the file's name as shown in the message
	Line int    // for Broken: the line that could not be read
	err  error
}

func (e *Error) Error() string {
	switch e.Kind {
	case Empty:
		return e.Name + " is empty: choose a file with web addresses in it."
	case NotAList:
		return e.Name + " does not look like a list of addresses: choose a text, CSV or bookmarks file."
	case TooLarge:
		return fmt.Sprintf("%s is larger than %d MB, too large for a list of addresses: split it into smaller files.", e.Name, MaxSize>>20)
	case Broken:
		return fmt.Sprintf("%s could not be read past line %d: an entry there is too long or broken. Correct or remove it and try again.", e.Name, e.Line)
	case Unwritable:
		return "The list could not be written: check that the disk has room and that the folder can be written to, then try again."
	}
	return e.Name + " could not be read: check that it is still there and that you may open it, then try again."
}

// Unwrap returns the cause, such as the operating system's error.
func (e *Error) Unwrap() error { return e.err }

// shownName is the file name as a message shows it: without control or
// direction characters that would garble the sentence, and not so long
// that it hides the rest.
func shownName(name string) string {
	name = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) && r != ' ' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.TrimSpace(name)
	if r := []rune(name); len(r) > 80 {
		name = string(r[:40]) + "…" + string(r[len(r)-39:])
	}
	if name == "" {
		return "This file"
	}
	return name
}
