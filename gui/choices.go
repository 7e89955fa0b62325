package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// The format choice as the window words it.
const (
	formatCompleteText = "Complete page (one file)"
	formatServedText   = "Page as served"
)

// Tooltips of what is kept of each page.
const (
	tipFormat = "Complete page: one file per page with its styles, pictures and fonts inside, " +
		"which opens years from now with the site gone. Page as served: the page exactly as the site sent it, " +
		"which still loads its pictures and styles from the site. Files that are not pages (PDF, pictures…) are kept as they are either way."
	tipKeepScripts = "Keep the page's scripts in the complete page, so pages drawn by a script still draw. " +
		"Kept scripts cannot reach the internet when the page is opened. Untick to remove every script: " +
		"the page then shows only what was written in it."
	tipKeepScriptsServed = "Only for complete pages: a page as served is kept exactly as the site sent it, scripts and all."
	tipWACZ              = "Also record every download in a web archive (WACZ), the standard format libraries and archives use. " +
		"It is rebuilt in the folder at the end of each run, and opens in ReplayWeb.page."
	tipNewCopy = "Save an address again even when this folder already holds it: the new copy is kept beside the old one, " +
		"with its date in the name. Otherwise such addresses are skipped."
)

// buildChoices is what is kept of each page: the format, whether scripts
// stay, a web archive, and new copies of pages already kept.
func (w *Window) buildChoices() fyne.CanvasObject {
	w.format = newTipSelect(w.tips, []string{formatCompleteText, formatServedText}, tipFormat, w.onFormatChanged)
	w.format.SetSelected(formatText(w.settings.format))
	w.keepScripts = newTipCheck(w.tips, "Keep scripts", tipKeepScripts, w.onKeepScriptsChanged)
	w.keepScripts.SetChecked(w.settings.keepScripts)
	w.wacz = newTipCheck(w.tips, "Also keep a web archive (WACZ)", tipWACZ, w.onWACZChanged)
	w.wacz.SetChecked(w.settings.wacz)
	w.newCopy = newTipCheck(w.tips, "Save a new copy", tipNewCopy, w.onNewCopyChanged)
	w.newCopy.SetChecked(w.settings.newCopy)
	w.updateChoiceTips()
	// Wide enough for the longest choice: Select's own least width cuts
	// it to "Complete p…".
	room := canvas.NewRectangle(color.Transparent)
	th := w.format.Theme()
	text := fyne.MeasureText(formatCompleteText, th.Size(theme.SizeNameText), fyne.TextStyle{})
	room.SetMinSize(fyne.NewSize(text.Width+th.Size(theme.SizeNameInlineIcon)+4*th.Size(theme.SizeNameInnerPadding), 0))
	return w.flow(
		w.setting("Keep pages as", container.NewStack(room, w.format), tipFormat),
		w.keepScripts, w.wacz, w.newCopy,
	)
}

// formatText is the choice shown for a stored format.
func formatText(f string) string {
	if f == formatServed {
		return formatServedText
	}
	return formatCompleteText
}

// pageFormat is the engine's format for the choices made.
func (s settings) pageFormat() engine.Format {
	if s.format == formatServed {
		return engine.AsServed{}
	}
	return engine.Complete{KeepScripts: s.keepScripts}
}

func (w *Window) onFormatChanged(choice string) {
	f := formatComplete
	if choice == formatServedText {
		f = formatServed
	}
	if f == w.settings.format {
		return
	}
	w.settings.format = f
	w.prefsOut.set(func(p fyne.Preferences) { p.SetString(prefFormat, f) })
	w.updateButtons()
	w.updateChoiceTips()
	w.applyChoices()
}

func (w *Window) onKeepScriptsChanged(on bool) {
	if on == w.settings.keepScripts {
		return
	}
	w.settings.keepScripts = on
	w.prefsOut.set(func(p fyne.Preferences) { p.SetBool(prefKeepScripts, on) })
	w.applyChoices()
}

func (w *Window) onWACZChanged(on bool) {
	if on == w.settings.wacz {
		return
	}
	w.settings.wacz = on
	w.prefsOut.set(func(p fyne.Preferences) { p.SetBool(prefWACZ, on) })
	w.applyChoices()
}

func (w *Window) onNewCopyChanged(on bool) {
	if on == w.settings.newCopy {
		return
	}
	w.settings.newCopy = on
	w.prefsOut.set(func(p fyne.Preferences) { p.SetBool(prefNewCopy, on) })
	// The engine decides at Add whether an address already kept is
	// skipped: the choice must reach it now, not at the next Start.
	w.applyChoices()
}

// applyChoices hands the choices to an idle engine at once. Within the
// same folder Reconfigure does not touch the disk, so it runs here; while
// a run is under way the choices are disabled, and a folder still being
// checked gets them with the rest of the settings.
func (w *Window) applyChoices() {
	if w.eng == nil || w.checking || w.phase.Busy() {
		return
	}
	want := w.engineConfig()
	if w.eng.Config().OutputDir != want.OutputDir {
		return
	}
	if err := w.eng.Reconfigure(want); err != nil {
		w.showError(err)
	}
}

// updateChoiceTips says why "Keep scripts" is off for pages as served.
func (w *Window) updateChoiceTips() {
	if w.settings.format == formatServed {
		w.keepScripts.tip = tipKeepScriptsServed
	} else {
		w.keepScripts.tip = tipKeepScripts
	}
}

// updateChoices enables the choices while no run is under way.
func (w *Window) updateChoices(idle bool) {
	enable(w.format, idle)
	enable(w.keepScripts, idle && w.settings.format == formatComplete)
	enable(w.wacz, idle)
	enable(w.newCopy, idle)
}

// tipCheck is a tick box with a tooltip, shown when the pointer rests on
// it or the keyboard focuses it.
type tipCheck struct {
	widget.Check
	tips *tips
	tip  string
}

func newTipCheck(t *tips, label, tip string, changed func(bool)) *tipCheck {
	c := &tipCheck{tips: t, tip: tip}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// MouseIn starts the wait for the tip.
func (c *tipCheck) MouseIn(ev *desktop.MouseEvent) {
	c.Check.MouseIn(ev)
	c.tips.hover(c, c.tip)
}

// MouseOut hides the tip.
func (c *tipCheck) MouseOut() {
	c.Check.MouseOut()
	c.tips.leave(c)
}

// Tapped hides the tip before acting.
func (c *tipCheck) Tapped(ev *fyne.PointEvent) {
	c.tips.leave(c)
	c.Check.Tapped(ev)
}

// FocusGained shows the tip at once to a keyboard user.
func (c *tipCheck) FocusGained() {
	c.Check.FocusGained()
	c.tips.show(c, c.tip)
}

// FocusLost hides the tip.
func (c *tipCheck) FocusLost() {
	c.Check.FocusLost()
	c.tips.leave(c)
}

// tipSelect is a drop-down choice with a tooltip.
type tipSelect struct {
	widget.Select
	tips *tips
	tip  string
}

func newTipSelect(t *tips, options []string, tip string, changed func(string)) *tipSelect {
	s := &tipSelect{tips: t, tip: tip}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// MouseIn starts the wait for the tip.
func (s *tipSelect) MouseIn(ev *desktop.MouseEvent) {
	s.Select.MouseIn(ev)
	s.tips.hover(s, s.tip)
}

// MouseOut hides the tip.
func (s *tipSelect) MouseOut() {
	s.Select.MouseOut()
	s.tips.leave(s)
}

// Tapped hides the tip before opening the choices.
func (s *tipSelect) Tapped(ev *fyne.PointEvent) {
	s.tips.leave(s)
	s.Select.Tapped(ev)
}

// FocusGained shows the tip at once to a keyboard user.
func (s *tipSelect) FocusGained() {
	s.Select.FocusGained()
	s.tips.show(s, s.tip)
}

// FocusLost hides the tip.
func (s *tipSelect) FocusLost() {
	s.Select.FocusLost()
	s.tips.leave(s)
}
