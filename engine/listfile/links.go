package listfile

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// maxToken bounds the tokenizer's buffer. Bookmarks carry their icons
// inline (a data: address of a few kilobytes); nothing in a bookmarks
// file or a web page's link comes near this, so a token this long means
// a broken file, which is refused rather than read into memory.
const maxToken = 8 << 20

// maxTitle is the most of a link's title that is kept.
const maxTitle = 1000

// linkReader yields the links of an HTML file: every bookmark of a
// bookmarks export, with its title and folder, or the http(s) links of a
// web page. It streams through golang.org/x/net/html's tokenizer, so
// memory stays flat however many bookmarks there are.
type linkReader struct {
	l    *List
	z    *html.Tokenizer
	kind Kind
	line int // the line the next token starts on

	folders []string // the folder of each open <DL>; "" for the top
	h3      *strings.Builder
	folder  string // the name of the last folder heading, for the next <DL>

	open  *Entry          // the link whose title is being read
	title strings.Builder // its title so far
	ready []Entry         // links complete and not yet returned
	eof   bool
}

func newLinkReader(l *List) *linkReader {
	z := html.NewTokenizer(l.text)
	z.SetMaxBuf(maxToken)
	return &linkReader{l: l, z: z, kind: l.format.Kind, line: 1}
}

func (lr *linkReader) next() (Entry, error) {
	for len(lr.ready) == 0 {
		if lr.eof {
			return Entry{}, io.EOF
		}
		if err := lr.step(); err != nil {
			return Entry{}, err
		}
	}
	e := lr.ready[0]
	lr.ready = lr.ready[1:]
	return e, nil
}

// step reads one token.
func (lr *linkReader) step() error {
	tt := lr.z.Next()
	start := lr.line
	// Raw must be read before TagAttr and Text, which may change it.
	lr.line += bytes.Count(lr.z.Raw(), []byte{'\n'})
	switch tt {
	case html.ErrorToken:
		err := lr.z.Err()
		if err == io.EOF {
			lr.closeLink()
			lr.eof = true
			return nil
		}
		if errors.Is(err, html.ErrBufferExceeded) {
			return &Error{Kind: Broken, Name: lr.l.name, Line: start, err: err}
		}
		return err
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := lr.z.TagName()
		switch string(name) {
		case "a":
			lr.closeLink()
			if href, ok := lr.href(hasAttr); ok {
				lr.open = &Entry{Line: start, Text: href, Folder: lr.folderPath()}
			}
		case "h3":
			lr.closeLink()
			lr.h3 = new(strings.Builder)
		case "dl":
			lr.closeLink()
			lr.folders = append(lr.folders, lr.folder)
			lr.folder = ""
		}
	case html.EndTagToken:
		name, _ := lr.z.TagName()
		switch string(name) {
		case "a", "dt", "dd":
			lr.closeLink()
		case "h3":
			if lr.h3 != nil {
				lr.folder = collapseSpace(lr.h3.String())
				lr.h3 = nil
			}
		case "dl":
			lr.closeLink()
			if len(lr.folders) > 0 {
				lr.folders = lr.folders[:len(lr.folders)-1]
			}
		}
	case html.TextToken:
		switch {
		case lr.open != nil && lr.title.Len() < maxTitle:
			lr.title.Write(lr.z.Text())
		case lr.h3 != nil && lr.h3.Len() < maxTitle:
			lr.h3.Write(lr.z.Text())
		}
	}
	return nil
}

// href returns the link target of the current <a> tag, if it is one to
// yield: every bookmark except Firefox's "place:" queries (saved searches
// such as "Most Visited", not pages), and in a web page only absolute
// http(s) links, since relative ones name no site.
func (lr *linkReader) href(hasAttr bool) (string, bool) {
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = lr.z.TagAttr()
		if string(key) != "href" {
			continue
		}
		href := strings.TrimSpace(string(val))
		if lr.kind == Bookmarks {
			return href, !hasPrefixFold([]byte(href), "place:")
		}
		ok := hasPrefixFold([]byte(href), "http:") || hasPrefixFold([]byte(href), "https:") || strings.HasPrefix(href, "//")
		return href, ok
	}
	return "", false
}

// closeLink completes the link being read, if any.
func (lr *linkReader) closeLink() {
	if lr.open == nil {
		return
	}
	e := *lr.open
	e.Title = collapseSpace(lr.title.String())
	lr.open = nil
	lr.title.Reset()
	lr.ready = append(lr.ready, e)
}

// folderPath names the folder the reader is in, like "Bookmarks bar / Recipes".
func (lr *linkReader) folderPath() string {
	var names []string
	for _, f := range lr.folders {
		if f != "" {
			names = append(names, f)
		}
	}
	return strings.Join(names, " / ")
}

// collapseSpace trims s and turns each run of white space into one space,
// as a browser shows a title.
func collapseSpace(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := []rune(s); len(r) > maxTitle {
		s = string(r[:maxTitle])
	}
	return strings.Join(strings.Fields(s), " ")
}
