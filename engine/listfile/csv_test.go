package listfile

import (
	"slices"
	"testing"
)

func TestCSV(t *testing.T) {
	tests := []struct {
		name, file, content string
		format              Format
		want                []string
	}{
		{
			"url column not first, quoted commas", "export.txt",
			"title,URL,notes\r\n\"Hello, world\",https://example.com/a,\"x, y\"\r\n\"Multi\nline\",\"https://example.com/b,c\",\r\nshort\r\n,  https://example.com/d  ,\r\n",
			Format{Kind: CSV, Comma: ',', Column: 1, HeaderRow: true, Header: "URL"},
			[]string{"2 https://example.com/a", "4 https://example.com/b,c", "5 short", "6 https://example.com/d"},
		},
		{
			"stray quotes, as hand-made files have", "notes.csv",
			"note,url\nHe said \"read this\",https://a.example/\n\"unclosed,https://b.example/\n",
			Format{Kind: CSV, Comma: ',', Column: 1, HeaderRow: true, Header: "url"},
			[]string{"2 https://a.example/", "3 unclosed,https://b.example/"},
		},
		{
			"semicolon (European spreadsheets)", "list",
			"Name;Address;Checked\nShop;https://shop.example/;ja\nBlog;blog.example;nein\n",
			Format{Kind: CSV, Comma: ';', Column: 1, HeaderRow: true, Header: "Address"},
			[]string{"2 https://shop.example/", "3 blog.example"},
		},
		{
			"tab separated with a link header", "links",
			"id\tlink\n1\thttps://a.example/\n2\thttps://b.example/?q=1,2\n",
			Format{Kind: CSV, Comma: '\t', Column: 1, HeaderRow: true, Header: "link"},
			[]string{"2 https://a.example/", "3 https://b.example/?q=1,2"},
		},
		{
			"href header, quoted header cell", "x.dat",
			"\"HREF\",\"Title\"\n\"https://a.example/\",\"A\"\n",
			Format{Kind: CSV, Comma: ',', Column: 0, HeaderRow: true, Header: "HREF"},
			[]string{"2 https://a.example/"},
		},
		{
			"one column with a header, named .csv", "urls.csv",
			"url\nhttps://a.example/\nhttps://b.example/x,y\n",
			Format{Kind: CSV, Comma: ',', Column: 0, HeaderRow: true, Header: "url"},
			[]string{"2 https://a.example/", "3 https://b.example/x"},
		},
		{
			".csv without a header: the first column", "sites.csv",
			"https://a.example/,first\nhttps://b.example/,second\n",
			Format{Kind: CSV, Comma: ','},
			[]string{"1 https://a.example/", "2 https://b.example/"},
		},
		{
			".csv with a header that names no address column", "sites.csv",
			"Site,Notes\nhttps://a.example/,first\nb.example,second\n",
			Format{Kind: CSV, Comma: ',', HeaderRow: true},
			[]string{"2 https://a.example/", "3 b.example"},
		},
		{
			"tabs on every line make a table", "list.txt",
			"https://a.example/\tA page\nhttps://b.example/\tB page\n",
			Format{Kind: CSV, Comma: '\t'},
			[]string{"1 https://a.example/", "2 https://b.example/"},
		},
		{
			"quoted cells without a header", "list.txt",
			"\"https://a.example/\",\"A, a\"\n\"https://b.example/\",\"B\"\n",
			Format{Kind: CSV, Comma: ','},
			[]string{"1 https://a.example/", "2 https://b.example/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, es := readAll(t, tt.content, tt.file)
			tt.format.Encoding = UTF8
			if f != tt.format {
				t.Errorf("format %+v, want %+v", f, tt.format)
			}
			if got := texts(es); !slices.Equal(got, tt.want) {
				t.Errorf("entries %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCommasAloneMakeNoTable checks that a plain list whose addresses
// all hold a comma or semicolon is read line by line, not cut into cells.
func TestCommasAloneMakeNoTable(t *testing.T) {
	for _, content := range []string{
		"https://example.com/a,b\nhttps://example.com/c,d\nhttps://example.com/e,f\n",
		"https://example.com/;jsessionid=1\nhttps://example.com/;jsessionid=2\n",
	} {
		f, es := readAll(t, content, "list.txt")
		if f.Kind != Text || len(es) < 2 || es[0].Text != content[:len(es[0].Text)] {
			t.Errorf("%q read as %+v: %q", content, f, texts(es))
		}
	}
}

func TestCSVFormatNames(t *testing.T) {
	tests := []struct {
		f    Format
		want string
	}{
		{Format{Kind: CSV, Comma: ',', Header: "url"}, "CSV file (column “url”)"},
		{Format{Kind: CSV, Comma: ';'}, "CSV file"},
		{Format{Kind: CSV, Comma: '\t', Header: "link"}, "Tab-separated file (column “link”)"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.f, got, tt.want)
		}
	}
}
