package appinfo

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"

	"pagekeeper/appinfo/internal/fyneapp"
)

// The version is written once, in FyneApp.toml: this fails as soon as
// metadata_gen.go says anything else.
func TestGeneratedFileMatchesFyneAppToml(t *testing.T) {
	info, err := fyneapp.Read("..")
	if err != nil {
		t.Fatal(err)
	}
	want, err := info.GoSource()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("metadata_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("appinfo/metadata_gen.go is out of date: FyneApp.toml says version %s (ID %s); run: go generate ./appinfo", info.Version, info.ID)
	}
	if Version != info.Version || ID != info.ID || Name != info.Name || Website != info.Website || License != info.License {
		t.Fatalf("appinfo says %s %s %s, FyneApp.toml %s %s %s", Name, ID, Version, info.Name, info.ID, info.Version)
	}
}

func TestVersionLineNamesProgramAndSystem(t *testing.T) {
	got := VersionLine("pagekeeper-cli")
	want := "Pagekeeper " + Version + " (pagekeeper-cli, " + runtime.GOOS + "/" + runtime.GOARCH + ")"
	if got != want {
		t.Errorf("VersionLine = %q, want %q", got, want)
	}
	if strings.Contains(got, "\n") {
		t.Errorf("VersionLine spans lines: %q", got)
	}
}
