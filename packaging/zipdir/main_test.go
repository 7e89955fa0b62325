package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

func TestPacksTheFolderContentsAtTheTop(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"Pagekeeper.exe": "MZ binary", "README.md": "# Pagekeeper\n", "docs/LICENSE.txt": "MIT\n"}
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		mode := os.FileMode(0o644)
		if name == "Pagekeeper.exe" {
			mode = 0o755
		}
		if err := os.WriteFile(path, []byte(body), mode); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out.zip")
	if err := zipDir(out, dir); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		if string(b) != files[f.Name] {
			t.Errorf("%s holds %q, want %q", f.Name, b, files[f.Name])
		}
		if f.Name == "Pagekeeper.exe" && runtime.GOOS != "windows" && f.Mode()&0o111 == 0 {
			t.Errorf("%s lost its executable bit: %v", f.Name, f.Mode())
		}
	}
	if want := []string{"Pagekeeper.exe", "README.md", "docs/LICENSE.txt"}; !slices.Equal(names, want) {
		t.Errorf("archive holds %v, want %v", names, want)
	}
}

func TestEmptyOrMissingFolderLeavesNoArchive(t *testing.T) {
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "missing")} {
		out := filepath.Join(t.TempDir(), "out.zip")
		if err := zipDir(out, dir); err == nil {
			t.Errorf("zipping %s succeeded", dir)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a failed zip left %s behind", out)
		}
	}
}
