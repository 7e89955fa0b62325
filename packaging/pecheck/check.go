package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Report is what a Windows executable says about itself.
type Report struct {
	AMD64       bool   // built for x86-64
	GUI         bool   // the GUI subsystem: no console window opens
	Icons       int    // RT_ICON images
	IconGroups  int    // RT_GROUP_ICON entries (what Explorer shows)
	Manifests   int    // RT_MANIFEST entries
	FileVersion string // from VS_FIXEDFILEINFO, "1.2.3.4"; empty without RT_VERSION
}

// Problems lists what keeps r from being a release of version (x.y.z):
// nothing when it is one.
func (r Report) Problems(version string) []string {
	var p []string
	if !r.AMD64 {
		p = append(p, "it is not built for x86-64")
	}
	if !r.GUI {
		p = append(p, "it is a console program: a black window would open beside the app")
	}
	if r.Icons == 0 || r.IconGroups == 0 {
		p = append(p, fmt.Sprintf("it carries no icon (%d icon images, %d icon groups)", r.Icons, r.IconGroups))
	}
	switch {
	case r.FileVersion == "":
		p = append(p, "it carries no version resource")
	case version != "" && !hasPrefix(r.FileVersion, version+"."):
		p = append(p, fmt.Sprintf("its version resource says %s, not %s", r.FileVersion, version))
	}
	return p
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

// Inspect reads the headers and the resource tree of the PE file at path.
func Inspect(path string) (Report, error) {
	f, err := pe.Open(path)
	if err != nil {
		return Report{}, fmt.Errorf("%s is not a Windows executable: %w", path, err)
	}
	defer f.Close()
	var r Report
	r.AMD64 = f.FileHeader.Machine == pe.IMAGE_FILE_MACHINE_AMD64
	var dir pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		r.GUI = oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
		if len(oh.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	case *pe.OptionalHeader32:
		r.GUI = oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
		if len(oh.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	default:
		return r, fmt.Errorf("%s has no optional header", path)
	}
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return r, nil // no resources at all
	}
	rs := resources{f: f, base: dir.VirtualAddress}
	types, err := rs.entries(0)
	if err != nil {
		return r, err
	}
	for _, t := range types {
		if !t.dir {
			continue
		}
		leaves, err := rs.leaves(t.offset, 1)
		if err != nil {
			return r, err
		}
		switch t.id {
		case rtIcon:
			r.Icons += len(leaves)
		case rtGroupIcon:
			r.IconGroups += len(leaves)
		case rtManifest:
			r.Manifests += len(leaves)
		case rtVersion:
			if len(leaves) > 0 {
				data, err := rs.data(leaves[0])
				if err != nil {
					return r, err
				}
				if r.FileVersion, err = fixedFileVersion(data); err != nil {
					return r, err
				}
			}
		}
	}
	return r, nil
}

// resources reads the resource directory, whose offsets count from its
// start (base, an RVA); data entries point with RVAs.
type resources struct {
	f    *pe.File
	base uint32
}

type entry struct {
	id     uint32 // meaningful when the entry is not named
	named  bool
	dir    bool
	offset uint32 // from the directory's start
}

// read returns n bytes at rva.
func (rs resources) read(rva, n uint32) ([]byte, error) {
	for _, s := range rs.f.Sections {
		size := max(s.VirtualSize, s.Size)
		if rva >= s.VirtualAddress && uint64(rva)+uint64(n) <= uint64(s.VirtualAddress)+uint64(size) {
			b := make([]byte, n)
			if _, err := s.ReadAt(b, int64(rva-s.VirtualAddress)); err != nil {
				return nil, fmt.Errorf("the resources are cut short at %#x: %w", rva, err)
			}
			return b, nil
		}
	}
	return nil, fmt.Errorf("the resources point outside the file (%#x, %d bytes)", rva, n)
}

// entries lists one IMAGE_RESOURCE_DIRECTORY.
func (rs resources) entries(offset uint32) ([]entry, error) {
	head, err := rs.read(rs.base+offset, 16)
	if err != nil {
		return nil, err
	}
	n := uint32(binary.LittleEndian.Uint16(head[12:])) + uint32(binary.LittleEndian.Uint16(head[14:]))
	if n > 4096 {
		return nil, fmt.Errorf("a resource directory claims %d entries", n)
	}
	raw, err := rs.read(rs.base+offset+16, 8*n)
	if err != nil {
		return nil, err
	}
	out := make([]entry, n)
	for i := range out {
		name := binary.LittleEndian.Uint32(raw[8*i:])
		off := binary.LittleEndian.Uint32(raw[8*i+4:])
		out[i] = entry{id: name &^ (1 << 31), named: name&(1<<31) != 0, dir: off&(1<<31) != 0, offset: off &^ (1 << 31)}
	}
	return out, nil
}

// leaves returns the data entries found depth levels below the directory
// at offset: from a type's directory, names then languages are depth 1.
func (rs resources) leaves(offset uint32, depth int) ([]uint32, error) {
	es, err := rs.entries(offset)
	if err != nil {
		return nil, err
	}
	var out []uint32
	for _, e := range es {
		switch {
		case depth == 0 && !e.dir:
			out = append(out, e.offset)
		case depth > 0 && e.dir:
			more, err := rs.leaves(e.offset, depth-1)
			if err != nil {
				return nil, err
			}
			out = append(out, more...)
		default:
			return nil, errors.New("the resource tree is not three levels deep")
		}
	}
	return out, nil
}

// data reads what an IMAGE_RESOURCE_DATA_ENTRY points at.
func (rs resources) data(offset uint32) ([]byte, error) {
	e, err := rs.read(rs.base+offset, 16)
	if err != nil {
		return nil, err
	}
	rva, size := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
	if size > 1<<20 {
		return nil, fmt.Errorf("a resource claims %d bytes", size)
	}
	return rs.read(rva, size)
}

// fixedFileVersion finds VS_FIXEDFILEINFO in a VS_VERSIONINFO resource.
func fixedFileVersion(b []byte) (string, error) {
	i := bytes.Index(b, []byte{0xBD, 0x04, 0xEF, 0xFE})
	if i < 0 || i+16 > len(b) {
		return "", errors.New("the version resource has no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(b[i+8:]), binary.LittleEndian.Uint32(b[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff), nil
}
