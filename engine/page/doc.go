// Package page builds Pagekeeper's "complete page": one self-contained
// UTF-8 HTML file per web page that opens from disk, with the site gone
// and the network off, and looks like the live page.
//
// An Assembler never touches the network. It parses the page, says which
// resources it wants (Wants), takes them as the engine fetched them
// (Provide) and may then want more: a stylesheet reveals fonts, images and
// @imports, a frame reveals its own resources. When nothing more is wanted,
// WriteTo streams the page with every resource inlined as a data: URI,
// every stylesheet as a <style> element in cascade order and every frame
// as srcdoc, reading images and fonts from disk as it writes so memory
// stays flat however large they are. What could not be included stays an
// absolute link and is listed by Missing with the reason.
//
// Choices the saved page relies on:
//
//   - srcset and <picture>: the candidate the browser picks at a desktop
//     window (DesktopWidth CSS pixels wide, one device pixel per CSS pixel)
//     is kept, alone, with its descriptor, so the layout size is the live
//     one; other candidates and <source> elements are dropped.
//   - A Content-Security-Policy meta element lets the page load only data:
//     and inline content, so opening it never reaches the network.
//   - A resource used more than once from CSS is written once per document,
//     as a custom property on :root that the uses refer to with var().
//   - A page too deep for the HTML parser is rewritten token by token (see
//     fallback.go): resources are still inlined and links made absolute,
//     only the tree-level tidying is left out.
package page
