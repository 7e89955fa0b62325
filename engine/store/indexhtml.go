package store

import (
	"bufio"
	"cmp"
	"fmt"
	"html"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
)

// indexSite is one site's pages, newest first.
type indexSite struct {
	Name  string
	Pages []indexPage
}

// indexPage is one address with every copy kept of it, newest first.
type indexPage struct {
	Title, Address, Href string
	Copies               []indexCopy
	newest               time.Time
}

type indexCopy struct {
	File, Size, Date, ISO string
	Missing               int
}

// writeIndex renders index.html: every kept page grouped by site, newest
// first, each with its title, address, date, size and a link to the file,
// and a search box that filters as you type. It is one file with nothing
// from elsewhere, so it opens offline in any browser, with or without
// scripts.
func writeIndex(w io.Writer, entries []IndexEntry, archive string, now time.Time) error {
	bySite := map[string]map[string][]IndexEntry{}
	for _, e := range entries {
		if bySite[e.Site] == nil {
			bySite[e.Site] = map[string][]IndexEntry{}
		}
		bySite[e.Site][e.Address] = append(bySite[e.Site][e.Address], e)
	}
	var sites []indexSite
	siteTime := map[string]time.Time{}
	for name, pages := range bySite {
		s := indexSite{Name: name}
		for addr, copies := range pages {
			slices.SortFunc(copies, func(a, b IndexEntry) int { return b.Saved.Compare(a.Saved) })
			p := indexPage{Title: copies[0].Title, Address: addr, Href: copies[0].Href, newest: copies[0].Saved}
			if p.Title == "" {
				p.Title = path.Base(copies[0].File)
			}
			for _, c := range copies {
				p.Copies = append(p.Copies, indexCopy{
					File: c.File, Size: humanize.Bytes(uint64(max(c.Size, 0))),
					Date: c.Saved.Local().Format("2 Jan 2006 15:04"), ISO: c.Saved.UTC().Format(time.RFC3339),
					Missing: c.Missing,
				})
			}
			s.Pages = append(s.Pages, p)
		}
		slices.SortFunc(s.Pages, func(a, b indexPage) int {
			return cmp.Or(b.newest.Compare(a.newest), cmp.Compare(a.Address, b.Address))
		})
		siteTime[name] = s.Pages[0].newest
		sites = append(sites, s)
	}
	slices.SortFunc(sites, func(a, b indexSite) int {
		return cmp.Or(siteTime[b.Name].Compare(siteTime[a.Name]), cmp.Compare(a.Name, b.Name))
	})
	return renderIndex(w, sites, len(entries), archive, now.Local().Format("2 Jan 2006 15:04"))
}

// renderIndex writes the page. It is written by hand rather than with
// html/template: a folder of 100,000 pages renders ten times faster, and
// every value still goes through html.EscapeString (or URL escaping for
// links to files).
func renderIndex(w io.Writer, sites []indexSite, count int, archive, made string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	esc := html.EscapeString
	bw.WriteString(indexHead)
	copies := "copies"
	if count == 1 {
		copies = "copy"
	}
	fmt.Fprintf(bw, "<p class=\"lead\">%d %s of web pages in this folder, newest first. Updated %s.</p>\n", count, copies, esc(made))
	if archive != "" {
		fmt.Fprintf(bw, "<div class=\"archive\"><strong>Web archive:</strong> <a href=\"%s\">%s</a> holds every page exactly as the sites sent it. "+
			"To open it, go to ReplayWeb.page (replayweb.page) in a browser and choose this file; libraries and archives read it as it is.</div>\n",
			esc(fileHref(archive)), esc(archive))
	}
	bw.WriteString(`<input type="search" id="q" placeholder="Search titles and addresses" aria-label="Search titles and addresses" hidden>` + "\n")
	for _, s := range sites {
		fmt.Fprintf(bw, "<section class=\"site\">\n<h2>%s</h2>\n<ul>\n", esc(s.Name))
		for _, p := range s.Pages {
			fmt.Fprintf(bw, "<li class=\"page\">\n<div class=\"title\"><a href=\"%s\">%s</a></div>\n", esc(fileHref(p.Copies[0].File)), esc(p.Title))
			fmt.Fprintf(bw, "<div class=\"addr\"><a href=\"%s\" rel=\"noreferrer\">%s</a></div>\n", esc(webHref(p.Href)), esc(p.Address))
			for i, c := range p.Copies {
				bw.WriteString(`<div class="meta">`)
				date := fmt.Sprintf(`<time datetime="%s">%s</time>`, esc(c.ISO), esc(c.Date))
				if i > 0 {
					fmt.Fprintf(bw, `Earlier copy: <a href="%s">%s</a>`, esc(fileHref(c.File)), date)
				} else {
					bw.WriteString(date)
				}
				bw.WriteString(" · " + esc(c.Size))
				if c.Missing > 0 {
					word := "resources"
					if c.Missing == 1 {
						word = "resource"
					}
					fmt.Fprintf(bw, ` · <span class="warn">%d %s missing</span>`, c.Missing, word)
				}
				bw.WriteString("</div>\n")
			}
			bw.WriteString("</li>\n")
		}
		bw.WriteString("</ul>\n</section>\n")
	}
	bw.WriteString(indexTail)
	return bw.Flush()
}

// fileHref is a link to a file of the folder: each path segment escaped,
// so names with spaces, "#" or "?" still open.
func fileHref(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// webHref keeps only http(s) links: a page's address can never turn into
// a script.
func webHref(u string) string {
	if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
		return u
	}
	return "#"
}

const indexHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Pages kept by Pagekeeper</title>
<style>
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --link: #0b5cad; --warn: #8a4600; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --bg: #0d1117; --link: #6cb6ff; --warn: #e3a04f; } }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
p.lead, .meta, .addr { color: var(--muted); }
input[type=search] { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem .75rem; margin: 1rem 0; border: 1px solid var(--line); border-radius: .4rem; background: var(--bg); color: var(--fg); }
h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 1.75rem; }
ul { list-style: none; padding: 0; margin: 0; }
li.page { padding: .5rem 0; border-bottom: 1px solid var(--line); }
a { color: var(--link); }
.title { font-weight: 600; }
.addr { font-size: .9rem; word-break: break-all; }
.meta { font-size: .9rem; }
.warn { color: var(--warn); }
.archive { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem 1rem; margin-top: 1rem; }
</style>
</head>
<body>
<h1>Pages kept by Pagekeeper</h1>
`

const indexTail = `<script>
(function () {
  var q = document.getElementById('q');
  q.hidden = false;
  q.addEventListener('input', function () {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll('section.site').forEach(function (s) {
      var shown = 0;
      s.querySelectorAll('li.page').forEach(function (li) {
        var text = (li.textContent + ' ' + s.querySelector('h2').textContent).toLowerCase();
        var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
        li.hidden = !hit;
        if (hit) shown++;
      });
      s.hidden = shown === 0;
    });
  });
})();
</script>
</body>
</html>
`
