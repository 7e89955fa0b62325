package address

import (
	"net/url"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/", "https://example.com/"},
		{"https://ann:secret@example.com/a?b=c@d", "https://ann:***@example.com/a?b=c@d"},
		{"https://ann@example.com/", "https://ann@example.com/"},
		{"https://ann:@example.com/", "https://ann:***@example.com/"},
		{"https://a:b@c@example.com/", "https://a:***@example.com/"},   // the password is "b@c"
		{"https://a@b:c@example.com/", "https://a@b:***@example.com/"}, // user "a@b", password "c"
		{"HTTP://ann:secret@example.com", "HTTP://ann:***@example.com"},
		{"https:\\\\ann:secret@example.com\\x", "https:\\\\ann:***@example.com\\x"},
		{"https:ann:secret@example.com", "https:ann:***@example.com"},
		{"ann:secret@example.com/x", "ann:***@example.com/x"},
		{"ann:1234@example.com", "ann:***@example.com"},
		{"//ann:secret@example.com", "//ann:***@example.com"},
		{"ftp://ann:secret@example.com/", "ftp://ann:***@example.com/"},
		{"mailto:ann@example.com", "mailto:ann@example.com"},
		{"mailto:ann:x@example.com", "mailto:ann:***@example.com"},
		{"https://example.com/path:with@at", "https://example.com/path:with@at"},
		{"https://example.com?x=a:b@c", "https://example.com?x=a:b@c"},
		{"https://ann:sec ret@exa mple.com/", "https://ann:***@exa mple.com/"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNormalizeKeepsLogin checks that the login reaches the request
// intact however it is written, and that Redact hides exactly the
// password that is sent.
func TestNormalizeKeepsLogin(t *testing.T) {
	tests := []struct{ in, user, password string }{
		{"https://ann:secret@example.com/", "ann", "secret"},
		{"https://ann:p@ss:w!rd@example.com/", "ann", "p@ss:w!rd"},
		{"https://ann:p%40ss%2Fx@example.com/", "ann", "p@ss/x"},
		{"https://j%C3%B6rg:pässwörd@example.com/", "jörg", "pässwörd"},
		{"https://ann:100%@example.com/", "ann", "100%"},
		{"https://ann:@example.com/", "ann", ""},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if err != nil {
			t.Errorf("Normalize(%q): %v", tt.in, err)
			continue
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Errorf("Normalize(%q) = %q does not parse: %v", tt.in, got, err)
			continue
		}
		pw, _ := u.User.Password()
		if u.User.Username() != tt.user || pw != tt.password {
			t.Errorf("Normalize(%q) = %q: login %q:%q, want %q:%q", tt.in, got, u.User.Username(), pw, tt.user, tt.password)
		}
		shown := Redact(got)
		ru, err := url.Parse(shown)
		if err != nil {
			t.Errorf("Redact(%q) = %q does not parse: %v", got, shown, err)
			continue
		}
		if rpw, _ := ru.User.Password(); rpw != maskedPassword || ru.User.Username() != tt.user {
			t.Errorf("Redact(%q) = %q", got, shown)
		}
		if tt.password != "" && strings.Contains(Display(got), url.PathEscape(tt.password)) {
			t.Errorf("Display(%q) = %q shows the password", got, Display(got))
		}
	}
}

func TestRejectedLinesHidePasswords(t *testing.T) {
	p := Parse("https://ann:secret@exa mple.com/\nann:secret@example.com\nhttps://ann:secret@example.com/")
	if len(p.Rejected) != 2 {
		t.Fatalf("Parse rejected %+v", p.Rejected)
	}
	for _, r := range p.Rejected {
		if strings.Contains(r.Text, "secret") || !strings.Contains(r.Text, "ann:***@") {
			t.Errorf("rejected line shown as %q", r.Text)
		}
	}
}
