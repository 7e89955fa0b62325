package failure

import "testing"

func TestBriefLeavesOutTheAdvice(t *testing.T) {
	for f, want := range map[Failure]string{
		{Kind: HTTPStatus, Status: 404}:  "The page was not found (HTTP 404)",
		{Kind: Refused}:                  "The server refused the connection",
		{Kind: PageTooLarge, Limit: 2e6}: "Left out: the page would pass its 2.0 MB limit",
		{Kind: NotSecure}:                "This site does not offer a secure connection",
	} {
		if got := f.Brief(); got != want {
			t.Errorf("%v: %q, want %q", f.Kind, got, want)
		}
	}
}
