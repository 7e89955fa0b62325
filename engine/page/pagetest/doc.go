// Package pagetest is a loopback web site built to test complete pages:
// each page exercises one thing the assembler must get right (nested
// @import, web fonts, srcset and picture, frames, <base href>, lazy
// images, a windows-1252 page, missing and oversized resources, a script
// holding "</script>", a sprite used 100 times, a page too deep for the
// parser) and is drawn so that a resource left out changes the picture:
// coloured blocks, images with shapes, text in a web font.
//
// Every page also has a "live" variant under /live/ that looks the same
// as the page saved with PageLimit: the resources a saved page cannot
// hold (over the limit) answer 404 there too, so a screenshot of the live
// variant is what a perfect saved page looks like.
//
// Assemble drives a page.Assembler over the site with a small fetch loop
// (answers kept in temporary files), for tests of the assembler and of
// the engine.
package pagetest
