package warc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// File names are pagekeeper-<UTC time, 14 digits>-<serial, 5 digits>.warc.gz.
// The serial makes two files started in the same second (by one run or by
// two runs sharing the folder) differ.
const (
	namePrefix = "pagekeeper-"
	warcSuffix = ".warc.gz"
	// openSuffix marks a file still being written (or left by a crash).
	openSuffix = ".open"
	timeLayout = "20060102150405"
)

// fileName is the final name of the serial-th file started at t.
func fileName(t time.Time, serial int) string {
	return fmt.Sprintf("%s%s-%05d%s", namePrefix, t.UTC().Format(timeLayout), serial, warcSuffix)
}

// parseName reports the time stamp and serial of a name we made, with or
// without the open suffix, and whether it is one of ours at all.
func parseName(name string) (stamp string, serial int, open, ok bool) {
	if rest, isOpen := strings.CutSuffix(name, openSuffix); isOpen {
		name, open = rest, true
	}
	rest, ok := strings.CutPrefix(name, namePrefix)
	if !ok {
		return "", 0, false, false
	}
	rest, ok = strings.CutSuffix(rest, warcSuffix)
	if !ok {
		return "", 0, false, false
	}
	stamp, num, ok := strings.Cut(rest, "-")
	if !ok || len(stamp) != len(timeLayout) || !allDigits(stamp) || len(num) < 5 || !allDigits(num) {
		return "", 0, false, false
	}
	serial, err := strconv.Atoi(num)
	if err != nil {
		return "", 0, false, false
	}
	return stamp, serial, open, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
