package engine

import "pagekeeper/appinfo"

// Version is Pagekeeper's version, as FyneApp.toml says (through package
// appinfo, whose test keeps the two in step). The web archive writes it
// into its records.
const Version = appinfo.Version
