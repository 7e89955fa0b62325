package engine

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// wantFormat is a test Format shaped like a complete page: a body's lines
// "want PATH" ask for resources (a resource may ask for more, like CSS
// revealing fonts), and the written page lists every resource's content.
type wantFormat struct{}

func (wantFormat) Name() string { return "want-test" }

func (wantFormat) Begin(_ context.Context, p *Page) (Assembly, error) {
	r, err := p.Body()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, _ := io.ReadAll(r)
	a := &wantAssembly{base: p.FinalURL.Scheme + "://" + p.FinalURL.Host, body: string(b), got: map[string]string{}, asked: map[string]bool{}}
	a.scan(string(b))
	return a, nil
}

type wantAssembly struct {
	base  string
	body  string
	next  []Want
	asked map[string]bool
	got   map[string]string // URL → content, or "missing: why"
}

func (a *wantAssembly) scan(text string) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if p, ok := strings.CutPrefix(sc.Text(), "want "); ok && !a.asked[a.base+p] {
			a.asked[a.base+p] = true
			a.next = append(a.next, Want{URL: a.base + p, Accept: "*/*"})
		}
	}
}

func (a *wantAssembly) Wants() []Want {
	w := a.next
	a.next = nil
	return w
}

func (a *wantAssembly) Provide(r Resource) error {
	if r.Open == nil {
		a.got[r.URL] = "missing: " + r.Failure.Message()
		return nil
	}
	rc, err := r.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	a.got[r.URL] = string(b)
	a.scan(string(b))
	return nil
}

func (a *wantAssembly) Extension() string { return ".txt" }
func (a *wantAssembly) Title() string     { return "" }
func (a *wantAssembly) Close()            {}

func (a *wantAssembly) Missing() []MissingResource {
	var m []MissingResource
	for u, c := range a.got {
		if strings.HasPrefix(c, "missing: ") {
			m = append(m, MissingResource{URL: u})
		}
	}
	return m
}

func (a *wantAssembly) Write(_ context.Context, w io.Writer) error {
	keys := make([]string, 0, len(a.got))
	for k := range a.got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Fprint(w, a.body)
	for _, k := range keys {
		fmt.Fprintf(w, "\n%s = %s", strings.TrimPrefix(k, a.base), a.got[k])
	}
	return nil
}

// wantSite serves pages that want resources: /page/N wants /r/N/1,
// /r/N/2 and /shared; /r/N/1 wants /deep/N in turn; /missing is a 404.
type wantSite struct {
	*httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	order []string
}

func newWantSite(t testing.TB) *wantSite {
	s := &wantSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.order = append(s.order, r.URL.Path)
		s.mu.Unlock()
		p := r.URL.Path
		var n int
		switch {
		case strings.HasPrefix(p, "/page/"):
			fmt.Sscanf(p, "/page/%d", &n)
			fmt.Fprintf(w, "page %d\nwant /r/%d/1\nwant /r/%d/2\nwant /shared\n", n, n, n)
			if n%5 == 0 {
				fmt.Fprintf(w, "want /missing\n")
			}
		case strings.HasPrefix(p, "/r/") && strings.HasSuffix(p, "/1"):
			fmt.Sscanf(p, "/r/%d/1", &n)
			fmt.Fprintf(w, "first of %d\nwant /deep/%d\n", n, n)
		case p == "/missing":
			http.NotFound(w, r)
		default:
			fmt.Fprintf(w, "content of %s", p)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *wantSite) pages(n int) []string {
	var u []string
	for i := 1; i <= n; i++ {
		u = append(u, fmt.Sprintf("%s/page/%d", s.URL, i))
	}
	return u
}

func (s *wantSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *wantSite) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.order...)
}
