package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/store"
)

func fileSHA(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func TestSavesEveryPageWithItsBytes(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	k := enginetest.Knobs{Size: 3000}
	urls := srv.Paths(20, k)
	res := addAll(t, e, urls...)
	if len(res.Accepted) != 20 || len(res.Rejected) != 0 {
		t.Fatalf("accepted %d, rejected %v", len(res.Accepted), res.Rejected)
	}
	s := runToEnd(t, e)
	if s.Phase != Finished {
		t.Fatalf("phase = %v, want Finished", s.Phase)
	}
	if got := s.Totals.Counts[Saved]; got != 20 {
		t.Fatalf("saved %d of 20: %+v", got, s.Jobs)
	}
	for _, j := range s.Jobs {
		if j.HTTPStatus != 200 || j.Attempts != 1 || j.Done != 3000 || j.Total != 3000 {
			t.Errorf("job %d: %+v", j.ID, j)
		}
		path := strings.TrimPrefix(j.URL[strings.Index(j.URL, "//")+2:], "")
		path = path[strings.Index(path, "/"):]
		path = path[:strings.Index(path, "?")]
		if got, want := fileSHA(t, filepath.Join(cfg.OutputDir, j.SavedPath)), enginetest.BodySHA256(path, 3000); got != want {
			t.Errorf("job %d saved as %s holds other bytes", j.ID, j.SavedPath)
		}
	}
	if l := leftovers(t, cfg.OutputDir); len(l) != 0 {
		t.Errorf("temporary files left: %v", l)
	}
	rows := readManifest(t, cfg.OutputDir)
	if len(rows) != 21 {
		t.Fatalf("manifest has %d rows, want header + 20", len(rows))
	}
	if strings.Join(rows[0], ",") != strings.Join(store.ManifestHeader, ",") {
		t.Errorf("manifest header = %v", rows[0])
	}
	for _, r := range rows[1:] {
		if r[3] != "Saved" || len(r[6]) != 64 || r[5] != "3000" {
			t.Errorf("manifest row %v", r)
		}
		if got := fileSHA(t, filepath.Join(cfg.OutputDir, filepath.FromSlash(r[4]))); got != r[6] {
			t.Errorf("manifest sha256 of %s = %s, file has %s", r[4], r[6], got)
		}
	}
	if ua := srv.LastUserAgent(); ua != DefaultUserAgent {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestAddReportsRejectsAndDuplicates(t *testing.T) {
	e := newEngine(t, testConfig(t))
	res, err := e.Add("example.com\n\n# a comment\nftp://x.example/\nhttps://example.com/\nexample.org/a")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Accepted) != 2 {
		t.Fatalf("accepted %+v", res.Accepted)
	}
	if len(res.Rejected) != 2 {
		t.Fatalf("rejected %+v", res.Rejected)
	}
	res, _ = e.Add("https://example.org/a")
	if len(res.Accepted) != 0 || len(res.Rejected) != 1 || !res.Rejected[0].Duplicate {
		t.Fatalf("re-adding a known address: %+v", res)
	}
	if !strings.Contains(res.Rejected[0].Reason, "#2") {
		t.Errorf("duplicate reason %q does not name the job", res.Rejected[0].Reason)
	}
}

func TestFailingHostDoesNotStopOthers(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = 1
	e := newEngine(t, cfg)
	good := srv.Paths(10, enginetest.Knobs{})
	missing := srv.URLFor("/missing", enginetest.Knobs{Status: 404})
	broken := srv.URLFor("/broken", enginetest.Knobs{Status: 500})
	refused := "http://127.0.0.1:1/nothing-listens-here"
	addAll(t, e, append(good, missing, broken, refused)...)
	s := runToEnd(t, e)
	if s.Totals.Counts[Saved] != 10 || s.Totals.Counts[Failed] != 3 {
		t.Fatalf("counts %v", s.Totals.Counts)
	}
	jobs := byURL(s)
	for url, want := range map[string]string{
		missing: "not found (HTTP 404)",
		broken:  "HTTP 500",
		refused: "refused the connection",
	} {
		if !strings.Contains(jobs[url].Message(time.Now()), want) {
			t.Errorf("%s: message %q, want it to mention %q", url, jobs[url].Message(time.Now()), want)
		}
	}
	if a := jobs[missing].Attempts; a != 1 {
		t.Errorf("404 was tried %d times; it is not worth retrying", a)
	}
	if a := jobs[broken].Attempts; a != 2 {
		t.Errorf("500 was tried %d times, want 2 (one retry)", a)
	}
	failedRows := 0
	for _, r := range readManifest(t, cfg.OutputDir)[1:] {
		if r[3] == "Failed" {
			failedRows++
			if r[8] == "" {
				t.Errorf("failed manifest row without a reason: %v", r)
			}
		}
	}
	if failedRows != 3 {
		t.Errorf("manifest records %d failures, want 3", failedRows)
	}
}

func TestRetriesUntilTheServerRecovers(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	u := srv.URLFor("/flaky", enginetest.Knobs{FailTimes: 2, Status: 503})
	addAll(t, e, u)
	s := runToEnd(t, e)
	j := s.Jobs[0]
	if j.State != Saved || j.Attempts != 3 {
		t.Fatalf("job %+v, want Saved after 3 attempts", j)
	}
}

func TestTruncatedAndResetBodiesAreRetriedThenFail(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = 2
	e := newEngine(t, cfg)
	lying := srv.URLFor("/lying", enginetest.Knobs{Size: 5000, WrongLength: 1000})
	reset := srv.URLFor("/reset", enginetest.Knobs{Size: 100000, ResetAfter: 10000})
	addAll(t, e, lying, reset)
	s := runToEnd(t, e)
	for _, j := range s.Jobs {
		if j.State != Failed || j.Attempts != 3 || !strings.Contains(j.Message(time.Now()), "ended the transfer early") {
			t.Errorf("%s: %+v", j.URL, j)
		}
	}
	if l := leftovers(t, cfg.OutputDir); len(l) != 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestRedirects(t *testing.T) {
	srv := enginetest.New(t)
	e := newEngine(t, testConfig(t))
	ok := srv.URLFor("/hops", enginetest.Knobs{Redirect: 3})
	tooMany := srv.URLFor("/far", enginetest.Knobs{Redirect: 11})
	loop := srv.URLFor("/loop", enginetest.Knobs{RedirectLoop: true})
	ftp := srv.URLFor("/ftp", enginetest.Knobs{RedirectTo: "ftp://example.com/x"})
	file := srv.URLFor("/file", enginetest.Knobs{RedirectTo: "file:///etc/passwd"})
	addAll(t, e, ok, tooMany, loop, ftp, file)
	s := runToEnd(t, e)
	jobs := byURL(s)
	if j := jobs[ok]; j.State != Saved || j.FinalURL == ok || !strings.Contains(j.FinalURL, "/hops") {
		t.Errorf("3 redirects: %+v", j)
	}
	for _, u := range []string{tooMany, loop} {
		if j := jobs[u]; j.State != Failed || !strings.Contains(j.Message(time.Now()), "more than 10 times") {
			t.Errorf("%s: %+v", u, j)
		}
	}
	for _, u := range []string{ftp, file} {
		if j := jobs[u]; j.State != Failed || !strings.Contains(j.Message(time.Now()), "not a web page") {
			t.Errorf("%s: %+v", u, j)
		}
	}
}

func TestSizeCap(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.MaxSize = 10000
	e := newEngine(t, cfg)
	announced := srv.URLFor("/big", enginetest.Knobs{Size: 20000})
	chunked := srv.URLFor("/bigchunked", enginetest.Knobs{Size: 20000, Chunked: true})
	fits := srv.URLFor("/fits", enginetest.Knobs{Size: 10000, Chunked: true})
	addAll(t, e, announced, chunked, fits)
	s := runToEnd(t, e)
	jobs := byURL(s)
	for _, u := range []string{announced, chunked} {
		if j := jobs[u]; j.State != Failed || !strings.Contains(j.Message(time.Now()), "larger than the 10 kB limit") {
			t.Errorf("%s: %+v", u, j)
		}
	}
	if j := jobs[fits]; j.State != Saved || j.Total != -1 {
		t.Errorf("a chunked body within the cap: %+v", j)
	}
}

func TestTimeouts(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1
	cfg.ResponseTimeout = 100 * time.Millisecond
	cfg.IdleTimeout = 100 * time.Millisecond
	e := newEngine(t, cfg)
	slow := srv.URLFor("/slow", enginetest.Knobs{Latency: 10 * time.Second})
	hang := srv.URLFor("/hang", enginetest.Knobs{Hang: true})
	addAll(t, e, slow, hang)
	s := runToEnd(t, e)
	jobs := byURL(s)
	if j := jobs[slow]; j.State != Failed || !strings.HasPrefix(j.Message(time.Now()), "The server did not answer within 0.1 s") {
		t.Errorf("slow: %+v", j)
	}
	if j := jobs[hang]; j.State != Failed || !strings.HasPrefix(j.Message(time.Now()), "The server stopped sending for 0.1 s") {
		t.Errorf("hang: %+v", j)
	}
}

func TestGzipCountsRealBytes(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	u := srv.URLFor("/zipped", enginetest.Knobs{Size: 50000, Gzip: true})
	addAll(t, e, u)
	s := runToEnd(t, e)
	j := s.Jobs[0]
	// Progress counts the bytes that came over the wire (compressed); the
	// saved file holds the content.
	if j.State != Saved || j.Done <= 0 || j.Done >= 50000 || j.SavedSize != 50000 {
		t.Fatalf("%+v", j)
	}
	if got := fileSHA(t, filepath.Join(cfg.OutputDir, j.SavedPath)); got != enginetest.BodySHA256("/zipped", 50000) {
		t.Error("the saved file is not the decompressed body")
	}
}

func TestStopAndStartAgainFinishesEverything(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	urls := srv.Paths(30, enginetest.Knobs{Size: 4096, Drip: 5 * time.Millisecond, DripChunk: 512})
	addAll(t, e, urls...)
	if err := e.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, e, "a transfer under way", func(s Snapshot) bool { return s.Totals.Bytes > 0 })
	e.Stop()
	waitDone(t, e)
	s := e.Snapshot()
	if s.Phase != Stopped {
		t.Fatalf("phase %v", s.Phase)
	}
	if s.Totals.Counts[Saved]+s.Totals.Counts[Canceled] != 30 || s.Totals.Counts[Canceled] == 0 {
		t.Fatalf("after Stop: %v", s.Totals.Counts)
	}
	s = runToEnd(t, e)
	if s.Totals.Counts[Saved] != 30 {
		t.Fatalf("after a second run: %v", s.Totals.Counts)
	}
}

func TestSaversNeverPickTheSameName(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.DownloadWorkers = 16
	cfg.SaveWorkers = 8
	cfg.PerHost = 16
	e := newEngine(t, cfg)
	var urls []string
	for i := range 100 {
		urls = append(urls, srv.URLFor("/report", enginetest.Knobs{Disposition: "report.pdf", ContentType: "application/pdf", Size: int64(1000 + i), BodyPath: fmt.Sprint("/r", i)}))
	}
	addAll(t, e, urls...)
	s := runToEnd(t, e)
	names := map[string]bool{}
	for _, j := range s.Jobs {
		if j.State != Saved {
			t.Fatalf("%+v", j)
		}
		if names[j.SavedPath] {
			t.Fatalf("two jobs saved as %s", j.SavedPath)
		}
		names[j.SavedPath] = true
		info, err := os.Stat(filepath.Join(cfg.OutputDir, j.SavedPath))
		if err != nil || info.Size() != j.Done {
			t.Errorf("%s: %v, size differs from %d", j.SavedPath, err, j.Done)
		}
	}
	folder := strings.ReplaceAll(strings.TrimPrefix(srv.URL, "http://"), ":", "_")
	if !names[folder+"/report.pdf"] || !names[folder+"/report (100).pdf"] {
		t.Errorf("names: %v", names)
	}
}

// TestNeverOverwritesAnEarlierCopy: a file already at a page's name is
// never replaced; an address the folder kept before is skipped as
// already saved, unless a new copy is asked for, which gets its date in
// its name beside the old one.
func TestNeverOverwritesAnEarlierCopy(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	u := srv.URLFor("/", enginetest.Knobs{})
	site := filepath.Join(cfg.OutputDir, strings.ReplaceAll(strings.TrimPrefix(srv.URL, "http://"), ":", "_"))
	os.MkdirAll(site, 0o755)
	os.WriteFile(filepath.Join(site, "index.html"), []byte("someone's own file"), 0o644)

	e := newEngine(t, cfg)
	addAll(t, e, u)
	if j := runToEnd(t, e).Jobs[0]; j.State != Saved || filepath.Base(j.SavedPath) != "index (2).html" {
		t.Fatalf("first copy: %+v", j)
	}
	e.Remove(1) // the row goes; the file and the folder's memory of it stay
	addAll(t, e, u)
	s := e.Snapshot()
	if j := s.Jobs[0]; j.State != Skipped || !strings.HasPrefix(j.Message(time.Now()), "Already saved on ") {
		t.Fatalf("kept before: %v %q", j.State, j.Message(time.Now()))
	}
	e.Remove(s.Jobs[0].ID)
	cfg.NewCopy = true
	if err := e.Reconfigure(cfg); err != nil {
		t.Fatal(err)
	}
	addAll(t, e, u)
	j := runToEnd(t, e).Jobs[0]
	if want := "index " + time.Now().Format("2006-01-02") + ".html"; j.State != Saved || filepath.Base(j.SavedPath) != want {
		t.Fatalf("a new copy: %+v, want %s", j, want)
	}
	if b, _ := os.ReadFile(filepath.Join(site, "index.html")); string(b) != "someone's own file" {
		t.Error("an existing file was replaced")
	}
}

func TestHostileNamesStayInsideTheFolder(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	e := newEngine(t, cfg)
	long := strings.Repeat("ä", 300)
	urls := []string{
		srv.URLFor("/a", enginetest.Knobs{Disposition: "../../escape.txt"}),
		srv.URLFor("/b", enginetest.Knobs{Disposition: "CON"}),
		srv.URLFor("/c", enginetest.Knobs{Disposition: long + ".html"}),
		srv.URLFor("/d", enginetest.Knobs{Disposition: "résumé 履歴書.pdf"}),
		srv.URLFor("/e", enginetest.Knobs{DispositionRaw: `attachment; filename="..\..\win.txt"`}),
		srv.URLFor("/..%2F..%2Fetc/passwd", enginetest.Knobs{}),
		srv.URLFor("/"+long, enginetest.Knobs{}),
	}
	addAll(t, e, urls...)
	s := runToEnd(t, e)
	outside, _ := filepath.Glob(filepath.Join(filepath.Dir(cfg.OutputDir), "*"))
	if len(outside) != 1 {
		t.Errorf("files appeared beside the output folder: %v", outside)
	}
	for _, j := range s.Jobs {
		if j.State != Saved {
			t.Errorf("%s: %+v", j.URL, j)
			continue
		}
		base := filepath.Base(j.SavedPath)
		if strings.ContainsAny(base, `\/:*?"<>|`) || strings.EqualFold(strings.TrimSuffix(base, filepath.Ext(base)), "CON") || len(base) > 255 {
			t.Errorf("unsafe name %q", base)
		}
		if _, err := os.Stat(filepath.Join(cfg.OutputDir, j.SavedPath)); err != nil {
			t.Error(err)
		}
	}
}

// TestRetryAfterIsHonoured waits out a 429's Retry-After of 1 s; while it
// waits the job shows Retrying with the reason and the wait in words.
func TestRetryAfterIsHonoured(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.RetryBase = time.Hour // only the server's hint can make the retry come soon
	e := newEngine(t, cfg)
	u := srv.URLFor("/busy", enginetest.Knobs{FailTimes: 1, Status: 429, RetryAfter: "1"})
	addAll(t, e, u)
	if err := e.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	e.Drain()
	s := waitFor(t, e, "the retry wait", func(s Snapshot) bool { return s.Totals.Counts[Retrying] == 1 })
	// The wait counts down as it is read: a second read later says less.
	if msg := s.Jobs[0].Message(s.Jobs[0].RetryAt.Add(-time.Second)); msg != "The server asked us to slow down (HTTP 429); trying again in 1 s (attempt 2 of 4)" {
		t.Errorf("message while waiting: %q", msg)
	}
	waitDone(t, e)
	if j := e.Snapshot().Jobs[0]; j.State != Saved || j.Attempts != 2 {
		t.Fatalf("%+v", j)
	}
}

func TestSameAddressWithDifferentQueriesGetsDistinctNames(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.SaveWorkers = 8
	e := newEngine(t, cfg)
	var urls []string
	for i := range 50 {
		urls = append(urls, srv.URLFor(fmt.Sprintf("/search?q=%d", i), enginetest.Knobs{}))
	}
	addAll(t, e, urls...)
	s := runToEnd(t, e)
	names := map[string]bool{}
	for _, j := range s.Jobs {
		if j.State != Saved || names[j.SavedPath] || !strings.HasPrefix(filepath.Base(j.SavedPath), "search-") {
			t.Fatalf("%+v", j)
		}
		names[j.SavedPath] = true
	}
}
