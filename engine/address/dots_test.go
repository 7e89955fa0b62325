package address

import "testing"

func TestRemoveDotSegments(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "/"},
		{"/a/b.html", "/a/b.html"},
		{"/a/./b", "/a/b"},
		{"/a/../b", "/b"},
		{"/../../x", "/x"},
		{"/a/b/..", "/a/"},
		{"/a/.", "/a/"},
		{"/.", "/"},
		{"/..", "/"},
		{"/.a/..b/...", "/.a/..b/..."},
		{"/a//../b", "/a/b"},
	}
	for _, tt := range tests {
		if got := removeDotSegments(tt.in); got != tt.want {
			t.Errorf("removeDotSegments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
