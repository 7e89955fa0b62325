package engine

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"pagekeeper/engine/naming"
	"pagekeeper/engine/warc"
)

// archiveDir is the folder, inside the output folder, of the WARC files.
const archiveDir = "archive"

// archiveInfo is what the warcinfo record of each WARC file says of the run.
func (r *runState) archiveInfo() warc.Info {
	c := r.cfg
	return warc.Info{
		Software: "Pagekeeper", Version: Version, PageFormat: c.Format.Name(),
		Settings: map[string]string{
			"download-workers": fmt.Sprint(c.DownloadWorkers),
			"save-workers":     fmt.Sprint(c.SaveWorkers),
			"per-site":         fmt.Sprint(c.PerHost),
			"user-agent":       c.UserAgent,
		},
	}
}

// WACZPath is where a run with Config.WACZ keeps the web archive package
// of the output folder dir.
func WACZPath(dir string) string { return filepath.Join(dir, waczName(dir)) }

// waczName is the package's file name: the output folder's own name, so a
// collection handed on says where it came from.
func waczName(dir string) string {
	base := filepath.Base(filepath.Clean(dir))
	if base == "." || base == ".." || base == string(filepath.Separator) {
		base = "archive"
	}
	return naming.Safe(base, naming.MaxStemBytes) + ".wacz"
}

// finishArchive closes the run's WARC file and, when asked, packs the
// folder's archive into its WACZ file, listing every page recorded in it.
// It returns what went wrong, in words, or nil.
func (e *Engine) finishArchive(run *runState) error {
	if run.recorder == nil {
		return nil
	}
	var problems []error
	if err := run.recorder.Close(); err != nil {
		problems = append(problems, err)
	}
	if n := run.recorder.Skipped(); n > 0 {
		problems = append(problems, leftOut(n))
	}
	if run.cfg.WACZ {
		kept, err := run.folder.KeptPages()
		if err != nil {
			problems = append(problems, err)
		}
		var pages []warc.Page
		for _, k := range kept {
			if k.ArchivedURL != "" {
				pages = append(pages, warc.Page{URL: k.ArchivedURL, Title: k.Title, TS: k.ArchivedAt})
			}
		}
		name := strings.TrimSuffix(waczName(run.cfg.OutputDir), ".wacz")
		if err := warc.BuildWACZ(run.cfg.OutputDir, name, pages); err != nil {
			problems = append(problems, err)
		}
	}
	return errors.Join(problems...)
}

// leftOut says that n exchanges are missing from the web archive (their
// body could not be read back, or their address cannot be written in a
// record); the saved files themselves are whole.
func leftOut(n int) error {
	if n == 1 {
		return errors.New("One download could not be added to the web archive; the saved files are complete.")
	}
	return fmt.Errorf("%d downloads could not be added to the web archive; the saved files are complete.", n)
}
