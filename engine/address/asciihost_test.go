package address

import (
	"testing"

	"golang.org/x/net/idna"
)

func TestPlainASCIIHost(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"example.com", "example.com", true},
		{"Example.COM", "example.com", true},
		{"a-b.c", "a-b.c", true},
		{"example.com.", "example.com.", true},
		{"1.2.3.4", "1.2.3.4", true},
		{"-a.com", "", false},
		{"a-.com", "", false},
		{"ab--c.com", "", false},
		{"xn--bcher-kva.example", "", false},
		{"a_b.com", "", false},
		{"bücher.example", "", false},
		{"a%41", "", false},
	}
	for _, tt := range tests {
		got, ok := plainASCIIHost(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("plainASCIIHost(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzPlainASCIIHost checks that the fast path never accepts a host that
// idna.Lookup would reject or write differently.
func FuzzPlainASCIIHost(f *testing.F) {
	for _, s := range []string{"example.com", "A-B.c", "xn--a.b", "ab--c", "a..b", "-", "1.2.3.4."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, host string) {
		got, ok := plainASCIIHost(host)
		if !ok {
			return
		}
		want, err := idna.Lookup.ToASCII(host)
		if err != nil || got != want {
			t.Fatalf("plainASCIIHost(%q) = %q but idna.Lookup gives %q, %v", host, got, want, err)
		}
	})
}
