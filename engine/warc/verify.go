package warc

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// Verification is what Verify found in a folder of WARC files.
type Verification struct {
	Files                                int
	Records                              int
	Requests, Responses, Revisits, Infos int
	// Open is how many files still carry the .open suffix (being
	// written, or left by a crash for the next Open to repair).
	Open int
}

// Verify reads every finished WARC file in dir with gowarc's strict
// validation (syntax, specification, block and payload digests) and
// returns the first problem, or what it counted.
func Verify(dir string) (Verification, error) {
	var v Verification
	entries, err := os.ReadDir(dir)
	if err != nil {
		return v, err
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".open") {
			v.Open++
			continue
		}
		if !strings.HasSuffix(name, ".warc.gz") {
			continue
		}
		v.Files++
		if err := verifyFile(filepath.Join(dir, name), &v); err != nil {
			return v, err
		}
	}
	return v, nil
}

func verifyFile(path string, v *Verification) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	rd, err := newWARCReader(f, gowarc.WithStrictValidation())
	if err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	defer rd.Close()
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s at offset %d: %w", filepath.Base(path), rec.Offset, err)
		}
		if len(rec.Validation) > 0 {
			rec.Close()
			return fmt.Errorf("%s at offset %d: %v", filepath.Base(path), rec.Offset, rec.Validation)
		}
		// Reading the payload checks its digest.
		if pb, ok := rec.WarcRecord.Block().(gowarc.HttpResponseBlock); ok {
			if p, err := pb.PayloadBytes(); err == nil {
				io.Copy(io.Discard, p)
			}
		}
		v.Records++
		switch rec.WarcRecord.Type() {
		case gowarc.Request:
			v.Requests++
		case gowarc.Response:
			v.Responses++
		case gowarc.Revisit:
			v.Revisits++
		case gowarc.Warcinfo:
			v.Infos++
		}
		rec.Close()
	}
}
