package warc

import (
	"path/filepath"
	"strings"
	"testing"

	"pagekeeper/engine/warc/replaytest"
	"pagekeeper/engine/warc/warctest"
)

func TestReplayInReplayWebPage(t *testing.T) {
	if testing.Short() {
		t.Skip("replay in a browser is not short")
	}
	site := warctest.NewSite()
	out := t.TempDir()
	page := recordSiteWACZ(t, site, out, "replay")
	site.Close() // the replay must come from the archive alone

	got := replaytest.Open(t, filepath.Join(out, "replay.wacz"), page, warctest.PageText, 2, "replay")
	t.Logf("replayed: title %q, heading %s, %d images", got.Title, got.Color, len(got.Images))
	if !strings.Contains(got.Text, warctest.PageText) || got.Title != warctest.PageTitle {
		t.Errorf("replayed text %q title %q", got.Text, got.Title)
	}
	if got.Color != "rgb(0, 170, 68)" {
		t.Errorf("heading colour %q: the gzip-compressed style sheet did not apply", got.Color)
	}
	for _, img := range got.Images {
		if !img.Loaded || img.Width != 120 || img.Height != 80 {
			t.Errorf("image %+v", img)
		}
	}
}
