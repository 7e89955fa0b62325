package fyneapp

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const goodToml = `Website = "https://github.com/pagekeeper/pagekeeper"

[Details]
  Icon = "resources/icon.png"
  Name = "Pagekeeper"
  ID = "com.pagekeeper.app"
  Version = "1.20.3"
  Build = 7
`

func root(t *testing.T, toml, license string) string {
	t.Helper()
	dir := t.TempDir()
	if toml != "" {
		if err := os.WriteFile(filepath.Join(dir, "FyneApp.toml"), []byte(toml), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if license != "" {
		if err := os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(license), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadsWhatFyneReads(t *testing.T) {
	info, err := Read(root(t, goodToml, "MIT License\r\n\r\nUse it `freely`.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Info{Name: "Pagekeeper", ID: "com.pagekeeper.app", Version: "1.20.3",
		Website: "https://github.com/pagekeeper/pagekeeper", License: "MIT License\n\nUse it `freely`.\n"}
	if info != want {
		t.Fatalf("Read = %+v, want %+v", info, want)
	}
	src, err := info.GoSource()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "metadata_gen.go", src, 0); err != nil {
		t.Fatalf("generated source does not parse: %v\n%s", err, src)
	}
	for _, s := range []string{`Version = "1.20.3"`, `ID = "com.pagekeeper.app"`, "DO NOT EDIT",
		strconv.Quote(want.License)} { // a backtick in the license: no raw string
		if !strings.Contains(string(src), s) {
			t.Errorf("generated source lacks %s:\n%s", s, src)
		}
	}
}

func TestRefusesWhatAReleaseCannotCarry(t *testing.T) {
	for name, c := range map[string]struct{ toml, license, says string }{
		"no file":       {"", "MIT", "FyneApp.toml cannot be read"},
		"not toml":      {"[Details\n", "MIT", "FyneApp.toml cannot be read"},
		"no license":    {goodToml, "", "license cannot be read"},
		"two numbers":   {strings.Replace(goodToml, "1.20.3", "1.2", 1), "MIT", `Version "1.2" is not three numbers`},
		"pre-release":   {strings.Replace(goodToml, "1.20.3", "1.2.3-beta", 1), "MIT", `Version "1.2.3-beta"`},
		"leading zero":  {strings.Replace(goodToml, "1.20.3", "1.02.3", 1), "MIT", `Version "1.02.3"`},
		"no version":    {strings.Replace(goodToml, `Version = "1.20.3"`, "", 1), "MIT", `Version ""`},
		"no name":       {strings.Replace(goodToml, `Name = "Pagekeeper"`, "", 1), "MIT", "Name is missing"},
		"bad id":        {strings.Replace(goodToml, "com.pagekeeper.app", "pagekeeper", 1), "MIT", `ID "pagekeeper"`},
		"plain http":    {strings.Replace(goodToml, "https://", "http://", 1), "MIT", "not an https address"},
		"empty license": {goodToml, " \n", "LICENSE is empty"},
	} {
		_, err := Read(root(t, c.toml, c.license))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: error %v, want one saying %q", name, err, c.says)
		}
	}
}
