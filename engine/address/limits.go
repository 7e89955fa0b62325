package address

// MaxLength is the longest address accepted, in characters. 2,048 is the
// limit old browsers and many servers share, so longer addresses are
// almost certainly pasting accidents and would often fail to load anyway.
const MaxLength = 2048
