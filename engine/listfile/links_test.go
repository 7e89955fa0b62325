package listfile

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Exports in the shape each browser writes them (trimmed).
const (
	firefoxExport = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'none'; img-src data: *; object-src 'none'"></meta>
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>

<DL><p>
    <DT><A HREF="place:parent=toolbar_____&amp;sort=12" ADD_DATE="1700000000">Recently Bookmarked</A>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000100" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks Toolbar</H3>
    <DL><p>
        <DT><A HREF="https://www.mozilla.org/firefox/" ADD_DATE="1700000001" ICON_URI="https://www.mozilla.org/favicon.ico" ICON="data:image/png;base64,iVBORw0KGgo=">Get &amp; use
          Firefox</A>
        <DT><H3 ADD_DATE="1700000002">Recipes</H3>
        <DL><p>
            <DT><A HREF="https://food.example/soup?a=1&amp;b=2" ADD_DATE="1700000003" TAGS="soup">Soup</A>
<DD>A description, not a title
        </DL><p>
    </DL><p>
    <HR>
    <DT><A HREF="javascript:alert(1)">A bookmarklet</A>
</DL>
`
	chromeExport = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000100" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://www.google.com/" ADD_DATE="1700000001" ICON="data:image/png;base64,AAAA">Google</A>
        <DT><H3 ADD_DATE="1700000002" LAST_MODIFIED="0">Work</H3>
        <DL><p>
            <DT><A HREF="https://intranet.example/wiki" ADD_DATE="1700000003">Wiki</A>
        </DL><p>
    </DL><p>
    <DT><H3 ADD_DATE="1700000004" LAST_MODIFIED="0">Other bookmarks</H3>
    <DL><p>
        <DT><A HREF="https://bücher.example/" ADD_DATE="1700000005">Bücher</A>
    </DL><p>
</DL><p>
`
	edgeExport = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000100" PERSONAL_TOOLBAR_FOLDER="true">Favorites bar</H3>
    <DL><p>
        <DT><A HREF="https://www.bing.com/" ADD_DATE="1700000001">Bing</A>
    </DL><p>
</DL><p>
`
	safariExport = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
	<HTML>
	<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
	<Title>Bookmarks</Title>
	<H1>Bookmarks</H1>
	<DT><H3 FOLDED>Favorites</H3>
	<DL><p>
		<DT><A HREF="https://www.apple.com/">Apple</A>
	</DL><p>
	<DT><H3 FOLDED id="com.apple.ReadingList">Reading List</H3>
	<DL><p>
		<DT><A HREF="https://news.example/story">A story</A>
	</DL><p>
</HTML>
`
)

func TestBookmarks(t *testing.T) {
	tests := []struct {
		name, content, browser string
		want                   []Entry
	}{
		{"firefox", firefoxExport, "Firefox", []Entry{
			{15, "https://www.mozilla.org/firefox/", "Get & use Firefox", "Bookmarks Toolbar"},
			{19, "https://food.example/soup?a=1&b=2", "Soup", "Bookmarks Toolbar / Recipes"},
			{24, "javascript:alert(1)", "A bookmarklet", ""},
		}},
		{"chrome", chromeExport, "Chrome or Edge", []Entry{
			{11, "https://www.google.com/", "Google", "Bookmarks bar"},
			{14, "https://intranet.example/wiki", "Wiki", "Bookmarks bar / Work"},
			{19, "https://bücher.example/", "Bücher", "Other bookmarks"},
		}},
		{"edge", edgeExport, "Chrome or Edge", []Entry{
			{11, "https://www.bing.com/", "Bing", "Favorites bar"},
		}},
		{"safari", safariExport, "Safari", []Entry{
			{8, "https://www.apple.com/", "Apple", "Favorites"},
			{12, "https://news.example/story", "A story", "Reading List"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, es := readAll(t, tt.content, "bookmarks.txt") // the name does not matter
			if f.Kind != Bookmarks || f.Browser != tt.browser || f.String() != tt.browser+" bookmarks" {
				t.Errorf("format %+v (%s)", f, f)
			}
			if !slices.Equal(es, tt.want) {
				t.Errorf("entries\n%+v\nwant\n%+v", es, tt.want)
			}
		})
	}
}

// TestBookmarks20000 reads a generated export with 20,000 bookmarks in
// nested folders and checks every one arrives with its line and folder.
func TestBookmarks20000(t *testing.T) {
	var b strings.Builder
	b.WriteString(firefoxExport[:strings.Index(firefoxExport, "<DL><p>")])
	b.WriteString("<DL><p>\n")
	line := strings.Count(b.String(), "\n") + 1
	var want []Entry
	for f := range 100 {
		fmt.Fprintf(&b, "<DT><H3 ADD_DATE=\"1\">Folder %d</H3>\n<DL><p>\n", f)
		line += 2
		for s := range 2 {
			fmt.Fprintf(&b, "<DT><H3>Sub %d</H3>\n<DL><p>\n", s)
			line += 2
			for i := range 100 {
				url := fmt.Sprintf("https://site%d.example/%d/%d?x=1&amp;y=2", f, s, i)
				fmt.Fprintf(&b, "    <DT><A HREF=\"%s\" ADD_DATE=\"1700000000\" ICON=\"data:image/png;base64,%s\">Page %d</A>\n", url, strings.Repeat("QUFB", 50), i)
				want = append(want, Entry{line, strings.ReplaceAll(url, "&amp;", "&"), fmt.Sprintf("Page %d", i), fmt.Sprintf("Folder %d / Sub %d", f, s)})
				line++
			}
			b.WriteString("</DL><p>\n")
			line++
		}
		b.WriteString("</DL><p>\n")
		line++
	}
	b.WriteString("</DL><p>\n")
	f, es := readAll(t, b.String(), "bookmarks_20000.html")
	if f.Kind != Bookmarks || len(es) != 20_000 {
		t.Fatalf("format %+v, %d entries", f, len(es))
	}
	for i := range es {
		if es[i] != want[i] {
			t.Fatalf("entry %d = %+v, want %+v", i, es[i], want[i])
		}
	}
	s, err := Preview(context.Background(), strings.NewReader(b.String()), "bookmarks.html")
	if err != nil || s.String() != "Firefox bookmarks: 20,000 addresses" {
		t.Errorf("Preview: %q, %v", s, err)
	}
}

func TestWebPageLinks(t *testing.T) {
	page := `<!doctype html>
<html><head><title>Links</title><base href="https://ignored.example/"></head>
<body>
<p>See <a href="https://a.example/x">A</a>, <a href="/relative">here</a>, <a href="#top">top</a>,
<a href="mailto:x@y.example">mail</a> and <A HREF = "HTTP://B.example/">B <b>bold</b></A>.
<a href="//c.example/">C</a><a>no href</a>
<script>var s = '<a href="https://not-a-link.example/">';</script>
</body></html>`
	f, es := readAll(t, page, "page.html")
	want := []Entry{
		{4, "https://a.example/x", "A", ""},
		{5, "HTTP://B.example/", "B bold", ""},
		{6, "//c.example/", "C", ""},
	}
	if f.Kind != WebPage || f.String() != "Web page" || !slices.Equal(es, want) {
		t.Errorf("format %+v, entries\n%+v\nwant\n%+v", f, es, want)
	}
}

// TestBookmarkTooLarge checks that a token over maxToken stops the reading
// with a sentence naming its line, instead of buffering it.
func TestBookmarkTooLarge(t *testing.T) {
	content := "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"https://a.example/\">A</A>\n<DT><A HREF=\"https://b.example/\" ICON=\"" + strings.Repeat("x", maxToken) + "\">B</A>\n"
	l, err := Open(strings.NewReader(content), "bookmarks.html")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for n, s := range l.Entries(context.Background()) {
		got = append(got, itoa(n)+" "+s)
	}
	if refusal(t, l.Err(), "bookmarks.html") != Broken || !strings.Contains(l.Err().Error(), "line 4") || !slices.Equal(got, []string{"3 https://a.example/"}) {
		t.Errorf("entries %q, Err %v", got, l.Err())
	}
}
