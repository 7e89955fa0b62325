package naming

import "strconv"

// WithCounter returns the name for the n-th file wanting the same name:
// "stem.ext" for n <= 1, "stem (n).ext" after that, as file managers do.
func WithCounter(stem, ext string, n int) string {
	if n <= 1 {
		return stem + ext
	}
	return stem + " (" + strconv.Itoa(n) + ")" + ext
}
