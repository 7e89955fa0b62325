// Package page builds Pagekeeper's "complete page": one self-contained
// UTF-8 HTML file per web page that opens from disk, with the site gone
// and the network off, and looks like the live page.
//
// An Assembler never touches the network and runs no goroutine. The
// engine creates it with the page's bytes (NewAssembler), then goes in
// rounds: Wants says which resources the page needs, the engine's
// download workers fetch them, Provide hands each over (fetched or
// failed) and may reveal more (a stylesheet its fonts, images and
// @imports, a frame its own resources, an SVG sprite its images). When
// Wants is empty, WriteTo streams the page with every resource inlined as
// a data: URI, every stylesheet as <style> elements in cascade order and
// every frame as srcdoc, reading images and fonts from their files as it
// writes, so memory holds the HTML tree and the stylesheets but never the
// images. What could not be included stays an absolute link, blocked by
// the page's policy, and is listed by Missing with the reason.
//
// Choices the saved page relies on:
//
//   - srcset and <picture>: the candidate the browser picks in a desktop
//     window (DesktopWidth CSS pixels wide, one device pixel per CSS
//     pixel) is fetched and kept, alone, with its descriptor and sizes, so
//     the layout size is the live one; other candidates and <source>
//     elements are dropped. Inlining every candidate would multiply the
//     file for pictures nobody sees.
//   - A Content-Security-Policy <meta>, right after <meta charset>, lets a
//     saved document load only inline and data: content, so opening it
//     never reaches the network; srcdoc frames inherit it and carry it.
//   - A resource used more than once from CSS is written once per
//     document, as a custom property on :root (dedup.go).
//   - The page limit bounds what is written, repeats included
//     (budget.go); frames, @import chains and sprites that use sprites are
//     capped too, so no page can make the file grow without end.
//   - A page too deep for the HTML parser is rewritten token by token
//     (fallback.go) rather than kept as served.
//   - Scripts removed (the default): <noscript> is shown, event handler
//     attributes go, the policy forbids scripts. Scripts kept: they are
//     inlined (escaped, see escape.go) and <noscript> stays as the
//     browser reads it with scripts on.
package page
