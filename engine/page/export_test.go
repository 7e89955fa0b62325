package page

// WithoutDedup makes a write every use of a resource in full, to measure
// what storing repeated resources once saves.
func WithoutDedup(a *Assembler) { a.noDedup = true }
