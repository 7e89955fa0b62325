package address

import (
	"strings"
	"unicode"
)

// safeToShow reports whether a Unicode site name may be shown in its own
// letters rather than as punycode. It follows the core of the rules
// Chrome and Firefox apply against look-alike names ("IDN homograph"
// spoofs such as a Cyrillic "аррӏе.com"):
//
//   - each label is written in one script, apart from digits, hyphens and
//     combining marks, or in one of the mixes that Japanese, Chinese and
//     Korean writing use with Latin letters;
//   - a label written only with Cyrillic letters that look like Latin ones
//     is shown as punycode unless the top-level domain is Cyrillic too.
//
// Browsers add confusable tables and lists of top sites; without them
// this errs the other way only for names those lists would catch, and
// even then the name shown is the one the person pasted.
func safeToShow(host string) bool {
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	cyrillicTLD := labelScripts(labels[len(labels)-1]) == scriptCyrillic
	for _, l := range labels {
		s := labelScripts(l)
		if s == scriptMixed {
			return false
		}
		if s == scriptCyrillic && !cyrillicTLD && latinLookingCyrillic(l) {
			return false
		}
	}
	return true
}

// Scripts that labels are sorted into; bits, so a label's set is an OR.
const (
	scriptLatin = 1 << iota
	scriptCyrillic
	scriptHan
	scriptHiragana
	scriptKatakana
	scriptBopomofo
	scriptHangul
	scriptOther // any one other script, such as Greek or Arabic
	scriptMixed // two scripts that may not be mixed
)

// Mixes of scripts that are normal in one label.
var allowedMixes = []int{
	scriptLatin | scriptHan | scriptHiragana | scriptKatakana, // Japanese
	scriptLatin | scriptHan | scriptBopomofo,                  // Chinese
	scriptLatin | scriptHan | scriptHangul,                    // Korean
}

var namedScripts = []struct {
	table *unicode.RangeTable
	bit   int
}{
	{unicode.Latin, scriptLatin}, {unicode.Cyrillic, scriptCyrillic}, {unicode.Han, scriptHan},
	{unicode.Hiragana, scriptHiragana}, {unicode.Katakana, scriptKatakana},
	{unicode.Bopomofo, scriptBopomofo}, {unicode.Hangul, scriptHangul},
}

// labelScripts returns the script set of a label: one bit, an allowed mix,
// or scriptMixed.
func labelScripts(label string) int {
	set := 0
	other := "" // the name of the one other script seen, if any
	for _, r := range label {
		if r < 0x80 {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				set |= scriptLatin
			}
			continue // digits and hyphens belong to every script
		}
		bit, name := scriptOf(r)
		switch {
		case bit == 0:
			continue // Common or Inherited: marks, punctuation, digits
		case bit == scriptOther && other != "" && other != name:
			return scriptMixed
		case bit == scriptOther:
			other = name
		}
		set |= bit
	}
	if set&(set-1) == 0 {
		return set // one script, or none
	}
	if set&scriptOther == 0 {
		for _, mix := range allowedMixes {
			if set&^mix == 0 {
				return set
			}
		}
	}
	return scriptMixed
}

// scriptOf returns the bit of r's script (0 for Common and Inherited) and,
// for scriptOther, the script's name.
func scriptOf(r rune) (int, string) {
	for _, s := range namedScripts {
		if unicode.Is(s.table, r) {
			return s.bit, ""
		}
	}
	if unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r) {
		return 0, ""
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return scriptOther, name
		}
	}
	return scriptOther, "Unknown"
}

// latinLookingCyrillic reports whether every letter of a Cyrillic label
// is one that looks like a Latin letter, the list Chrome uses.
func latinLookingCyrillic(label string) bool {
	for _, r := range label {
		if unicode.IsLetter(r) && !strings.ContainsRune("асԁеһіјӏорԛѕԝхуъьҽпгѵѡ", r) {
			return false
		}
	}
	return true
}
