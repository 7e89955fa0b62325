package page

// Options say how a complete page is assembled. The zero value is usable:
// scripts are removed and the limits take their defaults.
type Options struct {
	// KeepScripts keeps scripts (inlined) and event handler attributes;
	// false removes them and shows what <noscript> holds instead.
	KeepScripts bool
	// MaxFrameDepth is how deep frames inside frames are kept (default 5).
	MaxFrameDepth int
	// MaxImportDepth is how long a chain of CSS @import is followed
	// (default 10).
	MaxImportDepth int
	// PageLimit is the total size in bytes of the resources inlined in one
	// page (default 200 MB). A resource that would pass it stays a link
	// and is listed as missing with failure.PageTooLarge.
	PageLimit int64
}

// The defaults of Options.
const (
	DefaultMaxFrameDepth  = 5
	DefaultMaxImportDepth = 10
	DefaultPageLimit      = 200 << 20
)

// DesktopWidth is the width in CSS pixels of the window the saved page is
// chosen for: srcset candidates, <picture> sources and sizes are decided
// as a browser decides them at this width.
const DesktopWidth = 1280

// DesktopHeight is the height of that window, for media queries on height.
const DesktopHeight = 800

// maxParsed bounds a stylesheet, frame or SVG sprite read into memory to
// be parsed; beyond it the resource is left out as too large.
const maxParsed = 32 << 20

func (o Options) withDefaults() Options {
	if o.MaxFrameDepth <= 0 {
		o.MaxFrameDepth = DefaultMaxFrameDepth
	}
	if o.MaxImportDepth <= 0 {
		o.MaxImportDepth = DefaultMaxImportDepth
	}
	if o.PageLimit <= 0 {
		o.PageLimit = DefaultPageLimit
	}
	return o
}
