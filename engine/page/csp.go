package page

// policy is the Content-Security-Policy every saved document carries, so
// that opening it never reaches the network: everything it shows is
// inline or a data: URI, so nothing else is allowed. A link left absolute
// because its resource could not be fetched is blocked rather than
// fetched. Navigation (links, forms) is not covered: it is the reader's
// choice to go online. srcdoc frames inherit the policy, and carry it
// too.
func (a *Assembler) policy() string {
	scripts := "'none'"
	if a.opts.KeepScripts {
		scripts = "'unsafe-inline' 'unsafe-eval' data: blob:"
	}
	return "default-src 'none'; img-src data: blob:; media-src data: blob:; font-src data:; " +
		"style-src 'unsafe-inline' data:; script-src " + scripts + "; object-src data:; " +
		"frame-src data: blob:; child-src data: blob:; worker-src data: blob:; connect-src 'none'; base-uri 'none'"
}
