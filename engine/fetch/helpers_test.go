package fetch

import (
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"go.uber.org/goleak"

	"pagekeeper/engine/capture"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// kept is an exchange as a test recorder copied it.
type kept struct {
	ex      *capture.Exchange
	payload []byte
}

// recorder keeps every exchange it is handed, payload copied.
type recorder struct {
	mu  sync.Mutex
	got []kept
}

func (r *recorder) Record(ctx context.Context, ex *capture.Exchange) error {
	defer ex.Release()
	k := kept{ex: ex}
	if ex.Payload != nil {
		rc, err := ex.Payload.Open()
		if err != nil {
			return err
		}
		k.payload, _ = io.ReadAll(rc)
		rc.Close()
	}
	r.mu.Lock()
	r.got = append(r.got, k)
	r.mu.Unlock()
	return nil
}

func (r *recorder) all() []kept {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]kept(nil), r.got...)
}

// dirSpool keeps spilled bodies in a test folder.
type dirSpool struct {
	dir string
	mu  sync.Mutex
	n   int
}

func (d *dirSpool) CreateTemp(prefix string) (*os.File, string, error) {
	f, err := os.CreateTemp(d.dir, prefix+"-*.part")
	if err != nil {
		return nil, "", err
	}
	return f, filepath.Base(f.Name()), nil
}

func (d *dirSpool) Remove(name string) { os.Remove(filepath.Join(d.dir, name)) }

func (d *dirSpool) OpenTemp(name string) (*os.File, error) {
	return os.Open(filepath.Join(d.dir, name))
}

func (d *dirSpool) files(t *testing.T) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(d.dir, "*"))
	return m
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func testClient(t *testing.T, rec capture.Recorder) *Client {
	c := New(Settings{NoProxy: true}, rec)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func get(t *testing.T, c *Client, u string) (*Response, error) {
	t.Helper()
	sp := &dirSpool{dir: t.TempDir()}
	resp, err := c.Get(t.Context(), Request{URL: mustURL(t, u), MaxSize: 1 << 30, MemoryLimit: 1 << 20, Spool: sp})
	if resp != nil {
		t.Cleanup(resp.Body.Release)
	}
	return resp, err
}
