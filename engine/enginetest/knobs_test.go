package enginetest

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestKnobsRoundTripEveryField(t *testing.T) {
	// Set every field through reflection so a field added to Knobs but
	// forgotten in knobFields fails here.
	var k Knobs
	v := reflect.ValueOf(&k).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case f.Type() == reflect.TypeOf(time.Duration(0)):
			f.SetInt(int64(1500 * time.Millisecond))
		case f.Kind() == reflect.Int || f.Kind() == reflect.Int64:
			f.SetInt(int64(200 + i))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Kind() == reflect.String:
			f.SetString("a b&c=d/é?" + v.Type().Field(i).Name)
		default:
			t.Fatalf("field %s has a kind the test does not know", v.Type().Field(i).Name)
		}
	}
	q, err := url.ParseQuery(k.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(q) != v.NumField() {
		t.Errorf("%d query keys for %d fields", len(q), v.NumField())
	}
	got, err := ParseKnobs(q)
	if err != nil {
		t.Fatal(err)
	}
	if got != k {
		t.Errorf("round trip:\n got  %+v\n want %+v", got, k)
	}
}

func TestZeroKnobsEncodeToNothing(t *testing.T) {
	if q := (Knobs{}).Encode(); q != "" {
		t.Errorf("Knobs{}.Encode() = %q", q)
	}
	s := New(t)
	if got := s.URLFor("/x", Knobs{}); got != s.URL+"/x" {
		t.Errorf("URLFor = %q", got)
	}
}

func TestURLForJoinsAnExistingQuery(t *testing.T) {
	s := New(t)
	got := s.URLFor("page?mine=1", Knobs{Size: 7})
	if want := s.URL + "/page?mine=1&size=7"; got != want {
		t.Errorf("URLFor = %q, want %q", got, want)
	}
	_, body := mustFetch(t, newClient(t), got)
	if len(body) != 7 {
		t.Errorf("got %d bytes, want 7", len(body))
	}
}

func TestBadKnobsAnswer400(t *testing.T) {
	s := New(t)
	c := newClient(t)
	for _, q := range []string{"size=big", "latency=5", "status=99", "status=1000", "chunked=maybe"} {
		resp, body := mustFetch(t, c, s.URL+"/x?"+q)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "knob") {
			t.Errorf("%s: %d %q, want 400 naming the knob", q, resp.StatusCode, body)
		}
	}
}
