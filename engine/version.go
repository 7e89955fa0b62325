package engine

// Version is Pagekeeper's version, as FyneApp.toml says.
var Version = "0.1.0"
