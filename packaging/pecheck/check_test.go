package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildExe cross-compiles an empty Windows program in a module of its
// own, with whatever .syso resource files are in extra.
func buildExe(t *testing.T, goarch, ldflags string, extra map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{"go.mod": []byte("module tiny\n\ngo 1.24\n"), "main.go": []byte("package main\n\nfunc main() {}\n")}
	for name, b := range extra {
		files[name] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exe := filepath.Join(dir, "tiny.exe")
	cmd := exec.Command("go", "build", "-ldflags="+ldflags, "-o", exe, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH="+goarch, "CGO_ENABLED=0", "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

func inspect(t *testing.T, exe string) Report {
	t.Helper()
	r, err := Inspect(exe)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func says(problems []string, s string) bool {
	return strings.Contains(strings.Join(problems, "\n"), s)
}

func TestConsoleProgramWithoutResourcesFails(t *testing.T) {
	r := inspect(t, buildExe(t, "amd64", "", nil))
	if !r.AMD64 || r.GUI || r.Icons != 0 || r.FileVersion != "" {
		t.Fatalf("%+v", r)
	}
	p := r.Problems("0.1.0")
	for _, s := range []string{"console program", "no icon", "no version resource"} {
		if !says(p, s) {
			t.Errorf("problems %q do not say %q", p, s)
		}
	}
}

func TestGUIFlagAndArchitectureAreRead(t *testing.T) {
	if r := inspect(t, buildExe(t, "amd64", "-H=windowsgui", nil)); !r.GUI || !r.AMD64 {
		t.Errorf("-H=windowsgui amd64: %+v", r)
	}
	r := inspect(t, buildExe(t, "386", "-H=windowsgui", nil))
	if r.AMD64 || !says(r.Problems(""), "not built for x86-64") {
		t.Errorf("386: %+v %q", r, r.Problems(""))
	}
}

func TestNotAnExecutable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.exe")
	os.WriteFile(path, []byte("MZ but nothing else"), 0o644)
	if _, err := Inspect(path); err == nil {
		t.Error("a broken file was read as an executable")
	}
}

// icoFile is a one-image .ico holding a PNG, as Vista and later read it.
func icoFile(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 16, 16))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(3, 3, color.NRGBA{R: 255, A: 255})
	var p bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, []uint16{0, 1, 1})                 // ICONDIR
	b.Write([]byte{16, 16, 0, 0})                                            // width, height, colours, reserved
	binary.Write(&b, binary.LittleEndian, []uint16{1, 32})                   // planes, bits
	binary.Write(&b, binary.LittleEndian, []uint32{uint32(p.Len()), 6 + 16}) // size, offset
	b.Write(p.Bytes())
	return b.Bytes()
}

// TestIconAndVersionAreFound builds the resources the way a Windows
// toolchain does (mingw's windres), so the reader is checked on a file it
// did not write itself.
func TestIconAndVersionAreFound(t *testing.T) {
	windres, err := exec.LookPath("x86_64-w64-mingw32-windres")
	if err != nil {
		t.Skip("x86_64-w64-mingw32-windres is not installed (Debian: gcc-mingw-w64-x86-64)")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.ico"), icoFile(t), 0o644)
	rc := `1 ICON "app.ico"
1 VERSIONINFO
FILEVERSION 2,5,7,31
PRODUCTVERSION 2,5,7,31
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "ProductVersion", "2.5.7.31"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
`
	os.WriteFile(filepath.Join(dir, "app.rc"), []byte(rc), 0o644)
	syso := filepath.Join(dir, "rsrc_windows_amd64.syso")
	cmd := exec.Command(windres, "-O", "coff", "-o", syso, "app.rc")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("windres: %v\n%s", err, out)
	}
	obj, _ := os.ReadFile(syso)
	r := inspect(t, buildExe(t, "amd64", "-H=windowsgui", map[string][]byte{"rsrc_windows_amd64.syso": obj}))
	if r.Icons != 1 || r.IconGroups != 1 || r.FileVersion != "2.5.7.31" {
		t.Fatalf("%+v", r)
	}
	if p := r.Problems("2.5.7"); len(p) > 0 {
		t.Errorf("a good file has problems: %q", p)
	}
	if p := r.Problems("2.5.8"); !says(p, "version resource says 2.5.7.31, not 2.5.8") {
		t.Errorf("a wrong version passed: %q", p)
	}
}
