package naming

// Byte limits. Every common file system allows 255 bytes per name; these
// leave room for the collision counter " (999)" and an extension, and keep
// whole paths short enough for Windows programs still bound to 260
// characters.
const (
	// MaxStemBytes bounds FileStem's result.
	MaxStemBytes = 120
	// MaxFolderBytes bounds SiteFolder's result.
	MaxFolderBytes = 100
	// MinBytes is the smallest limit Safe honours; smaller limits are
	// raised to it so a reserved name plus its "_" (e.g. "CONOUT$_")
	// always fits.
	MinBytes = 8
)

// fallbackName replaces a name that would otherwise be empty.
const fallbackName = "page"
