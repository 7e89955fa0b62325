package gui

import "fyne.io/fyne/v2"

// selection is which rows are selected, by job ID, as in the download
// lists people know: a click selects one row, Ctrl+click adds or takes
// away one, Shift+click selects the run from the anchor to the row
// clicked. The cursor is the row the keyboard acts on.
type selection struct {
	ids    map[int]bool
	anchor int // the row a Shift range starts from; 0 when none
	cursor int // the row with the keyboard focus; 0 when none
}

func newSelection() selection { return selection{ids: map[int]bool{}} }

// at returns the ID shown at place p of the view.
type idAt func(p int) int

// click applies a click on place p with the modifiers held.
func (s *selection) click(p int, mods fyne.KeyModifier, id idAt) {
	target := id(p)
	switch {
	case mods&fyne.KeyModifierShift != 0 && s.anchor != 0:
		if mods&fyne.KeyModifierShortcutDefault == 0 {
			clear(s.ids)
		}
		s.addRange(s.placeOf(s.anchor, p, id), p, id)
	case mods&fyne.KeyModifierShortcutDefault != 0:
		if s.ids[target] {
			delete(s.ids, target)
		} else {
			s.ids[target] = true
		}
		s.anchor = target
	default:
		clear(s.ids)
		s.ids[target] = true
		s.anchor = target
	}
	s.cursor = target
}

// move puts the cursor on place p, selecting it alone or, with Shift,
// the run from the anchor to it.
func (s *selection) move(p int, shift bool, id idAt) {
	if shift && s.anchor != 0 {
		clear(s.ids)
		s.addRange(s.placeOf(s.anchor, p, id), p, id)
		s.cursor = id(p)
		return
	}
	s.click(p, 0, id)
}

// all selects every row shown.
func (s *selection) all(n int, id idAt) {
	for p := range n {
		s.ids[id(p)] = true
	}
	if n > 0 && s.anchor == 0 {
		s.anchor, s.cursor = id(0), id(0)
	}
}

// none selects nothing.
func (s *selection) none() {
	clear(s.ids)
	s.anchor, s.cursor = 0, 0
}

// keep drops every selected ID for which shown is false: rows removed or
// no longer in the view.
func (s *selection) keep(shown func(id int) bool) (changed bool) {
	for id := range s.ids {
		if !shown(id) {
			delete(s.ids, id)
			changed = true
		}
	}
	if s.anchor != 0 && !shown(s.anchor) {
		s.anchor = 0
	}
	if s.cursor != 0 && !shown(s.cursor) {
		s.cursor = 0
	}
	return changed
}

func (s *selection) addRange(from, to int, id idAt) {
	if from > to {
		from, to = to, from
	}
	for p := from; p <= to; p++ {
		s.ids[id(p)] = true
	}
}

// placeOf finds the place of job ID want, searching out from near, where
// it usually is; -1 never happens for an anchor still shown, but the
// range then starts at near.
func (s *selection) placeOf(want, near int, id idAt) int {
	// The view is small enough to search; the anchor is usually close.
	for d := 0; ; d++ {
		lo, hi := near-d, near+d
		loOK, hiOK := lo >= 0 && id(lo) != 0, id(hi) != 0
		if !loOK && !hiOK {
			return near
		}
		if loOK && id(lo) == want {
			return lo
		}
		if hiOK && id(hi) == want {
			return hi
		}
	}
}
