package page

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A resource used many times from CSS (a sprite on a hundred rows, a
// background in every card) is written once per document: as a custom
// property on :root, url(data:...), that each use refers to with var().
// var() works in the declarations of style rules and style attributes,
// not in @font-face src or other descriptors, and it cannot carry a
// #fragment; those uses get their own copy. HTML attributes (<img src>)
// have nothing like it.

// decideVars picks the resources used more than once from CSS where a
// var() can stand for them: each is written once, as a custom property.
func (d *document) decideVars() {
	d.vars = map[string]string{}
	if d.a.noDedup {
		return
	}
	n := 0
	for _, res := range d.a.order {
		if d.uses[res.key] >= 2 && res.inlined() {
			// The copy in the custom property is counted now: the
			// property must be there for every var() that uses it.
			m, ok := d.a.inline(markKey{kind: markData, res: res})
			if !ok {
				continue
			}
			n++
			d.vars[res.key] = "--pagekeeper-" + strconv.Itoa(n)
			d.varMarks = append(d.varMarks, d.vars[res.key]+":"+cssURL(m)+";")
		}
	}
}

// varsStyle is the <style> defining the custom properties on :root.
func (d *document) varsStyle() *html.Node {
	if len(d.vars) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(":root{")
	for _, v := range d.varMarks {
		b.WriteString(v)
	}
	b.WriteString("}")
	s := element(atom.Style)
	setText(s, b.String())
	return s
}
