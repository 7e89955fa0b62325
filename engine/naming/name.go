package naming

import "net/url"

// Name is the folder and file name a page is kept under, relative to the
// output folder, e.g. Folder "example.com", File "blog_post.html".
type Name struct {
	Folder string
	File   string
}

// For returns the Name for a page, before any collision handling: the
// caller still has to compare FoldKey(File) with the names already in the
// folder and use WithCounter on a clash.
func For(u *url.URL, disposition, contentType string) Name {
	return Name{
		Folder: SiteFolder(u),
		File:   FileStem(u, disposition) + Extension(u, disposition, contentType),
	}
}
