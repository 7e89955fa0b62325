package page

import "pagekeeper/engine/failure"

// The page's limit bounds what is written, not only what is fetched: a
// resource may be used many times where no custom property can stand
// for it (an image in a thousand <img>, a stylesheet imported from many
// places, a frame document in many frames), and each use is a copy in
// the file. The first copy of each resource always fits (Provide kept the
// sum of first copies within the limit); a further copy only while the
// bytes written stay within the limit. A copy refused leaves that use a
// link, and the resource is listed as missing with PageTooLarge.

// maxFrameDocs bounds how many frame documents one page holds, so frames
// that each hold many frames cannot multiply without end.
const maxFrameDocs = 500

// allow reports whether one more copy of res may be written, and counts
// it if so.
func (a *Assembler) allow(res *resource, size int64) bool {
	if a.copies == nil {
		a.copies = map[*resource]int{}
	}
	if a.copies[res] > 0 && a.spent+size > a.opts.PageLimit {
		if !a.refused[res] {
			if a.refused == nil {
				a.refused = map[*resource]bool{}
			}
			a.refused[res] = true
			a.extra = append(a.extra, Missing{URL: res.key, Failure: failure.Failure{Kind: failure.PageTooLarge, Limit: a.opts.PageLimit}})
		}
		return false
	}
	a.copies[res]++
	a.spent += size
	return true
}

// inline is the marker standing for one more copy of res's data: URI, or
// false when the page's limit refuses it.
func (a *Assembler) inline(k markKey) (string, bool) {
	if !a.allow(k.res, k.res.r.Size) {
		return "", false
	}
	return a.mark(k), true
}
