package pagetest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"pagekeeper/engine/failure"
	"pagekeeper/engine/page"
)

// Fetcher is a small stand-in for the engine's download workers: it
// fetches wanted resources over HTTP, keeps each answer in a temporary
// file and hands it over as a page.Resource. It fetches each address once
// and answers again from its files, so benchmarks measure assembling, not
// the network.
type Fetcher struct {
	dir    string
	client *http.Client
	cache  map[string]page.Resource
	n      int
	// Fetched counts the requests it made.
	Fetched int
}

// NewFetcher makes a fetcher whose files go in a test temp dir.
func NewFetcher(t testing.TB) *Fetcher {
	return &Fetcher{dir: t.TempDir(), client: &http.Client{}, cache: map[string]page.Resource{}}
}

// Get fetches an address the way the engine should: the Accept header of
// its kind, the Referer given, a failure for any status but 200.
func (f *Fetcher) Get(w page.Want) page.Resource {
	if r, ok := f.cache[w.URL]; ok {
		return r
	}
	r := f.get(w)
	f.cache[w.URL] = r
	return r
}

func (f *Fetcher) get(w page.Want) page.Resource {
	r := page.Resource{URL: w.URL, FinalURL: w.URL}
	req, err := http.NewRequest(http.MethodGet, w.URL, nil)
	if err != nil {
		r.Failure = failure.Failure{Kind: failure.BadAddress}
		return r
	}
	req.Header.Set("Accept", w.Kind.Accept())
	if w.Referrer != "" {
		req.Header.Set("Referer", w.Referrer)
	}
	f.Fetched++
	resp, err := f.client.Do(req)
	if err != nil {
		r.Failure = failure.Failure{Kind: failure.Network}
		return r
	}
	defer resp.Body.Close()
	r.FinalURL = resp.Request.URL.String()
	if resp.StatusCode != http.StatusOK {
		r.Failure = failure.Failure{Kind: failure.HTTPStatus, Status: resp.StatusCode}
		return r
	}
	f.n++
	name := filepath.Join(f.dir, fmt.Sprintf("r%05d", f.n))
	file, err := os.Create(name)
	if err != nil {
		r.Failure = failure.Failure{Kind: failure.DiskError}
		return r
	}
	n, err := io.Copy(file, resp.Body)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		r.Failure = failure.Failure{Kind: failure.Network}
		return r
	}
	r.ContentType = resp.Header.Get("Content-Type")
	r.Size = n
	r.Open = func() (io.ReadCloser, error) { return os.Open(name) }
	return r
}

// Result is a page saved by Assemble.
type Result struct {
	File    string // the saved page
	Size    int64
	Title   string
	Missing []page.Missing
	Wants   []page.Want // everything the page wanted, in order
	Rounds  int         // rounds of Wants and Provide
}

// Assemble saves the page at pageURL as a complete page in a file, with
// rounds of Wants and Provide like the engine's, and fails the test on any
// error.
func (f *Fetcher) Assemble(t testing.TB, pageURL string, opts page.Options) *Result {
	t.Helper()
	res, err := f.AssembleTo(pageURL, opts, filepath.Join(t.TempDir(), "saved.html"))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// AssembleTo is Assemble writing to file, returning errors.
func (f *Fetcher) AssembleTo(pageURL string, opts page.Options, file string) (*Result, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	p := f.Get(page.Want{URL: pageURL, Kind: page.Frame})
	if p.Failure.Failed() {
		return nil, fmt.Errorf("fetching %s: %s", pageURL, p.Failure.Message())
	}
	body, err := p.Open()
	if err != nil {
		return nil, err
	}
	defer body.Close()
	if final, err := url.Parse(p.FinalURL); err == nil {
		u = final
	}
	a, err := page.NewAssembler(opts, u, p.ContentType, body)
	if err != nil {
		return nil, err
	}
	res := &Result{File: file}
	for {
		wants := a.Wants()
		if len(wants) == 0 {
			break
		}
		res.Rounds++
		if res.Rounds > 100 {
			return nil, errors.New("the assembler kept wanting more after 100 rounds")
		}
		for _, w := range wants {
			res.Wants = append(res.Wants, w)
			if err := a.Provide(f.Get(w)); err != nil {
				return nil, err
			}
		}
	}
	out, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	n, err := a.WriteTo(context.Background(), out)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	res.Size, res.Title, res.Missing = n, a.Title(), a.Missing()
	return res, nil
}
