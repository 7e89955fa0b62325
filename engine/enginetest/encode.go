package enginetest

import (
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// knobField ties one Knobs field to its query key. A single table drives both
// directions so encoding and parsing cannot drift apart.
type knobField struct {
	key string
	get func(*Knobs) string // "" for the zero value, which is then omitted
	set func(*Knobs, string) error
}

// knobFields maps each field to its lower-cased name as the query key, so an
// address in a failing test's log reads like the Knobs literal that made it.
var knobFields = []knobField{
	intKnob("size", func(k *Knobs) *int64 { return &k.Size }),
	durationKnob("latency", func(k *Knobs) *time.Duration { return &k.Latency }),
	intKnob("status", func(k *Knobs) *int { return &k.Status }),
	boolKnob("chunked", func(k *Knobs) *bool { return &k.Chunked }),
	stringKnob("contenttype", func(k *Knobs) *string { return &k.ContentType }),
	intKnob("resetafter", func(k *Knobs) *int64 { return &k.ResetAfter }),
	boolKnob("resethard", func(k *Knobs) *bool { return &k.ResetHard }),
	intKnob("wronglength", func(k *Knobs) *int64 { return &k.WrongLength }),
	durationKnob("drip", func(k *Knobs) *time.Duration { return &k.Drip }),
	intKnob("dripchunk", func(k *Knobs) *int { return &k.DripChunk }),
	boolKnob("hang", func(k *Knobs) *bool { return &k.Hang }),
	stringKnob("retryafter", func(k *Knobs) *string { return &k.RetryAfter }),
	intKnob("failtimes", func(k *Knobs) *int { return &k.FailTimes }),
	intKnob("redirect", func(k *Knobs) *int { return &k.Redirect }),
	boolKnob("redirectloop", func(k *Knobs) *bool { return &k.RedirectLoop }),
	stringKnob("redirectto", func(k *Knobs) *string { return &k.RedirectTo }),
	stringKnob("disposition", func(k *Knobs) *string { return &k.Disposition }),
	stringKnob("dispositionraw", func(k *Knobs) *string { return &k.DispositionRaw }),
	boolKnob("gzip", func(k *Knobs) *bool { return &k.Gzip }),
	stringKnob("bodypath", func(k *Knobs) *string { return &k.BodyPath }),
	intKnob("headerbytes", func(k *Knobs) *int { return &k.HeaderBytes }),
	boolKnob("switch", func(k *Knobs) *bool { return &k.Switch }),
}

// Encode is k as a query string (without "?"), keys sorted and zero values
// left out, so equal Knobs always give the same address.
func (k Knobs) Encode() string {
	q := url.Values{}
	for _, f := range knobFields {
		if v := f.get(&k); v != "" {
			q.Set(f.key, v)
		}
	}
	return q.Encode()
}

// ParseKnobs reads Knobs back from a query. Unknown keys are ignored so a
// test can add its own (for example to make addresses distinct).
func ParseKnobs(q url.Values) (Knobs, error) {
	var k Knobs
	for _, f := range knobFields {
		if !q.Has(f.key) {
			continue
		}
		if err := f.set(&k, q.Get(f.key)); err != nil {
			return Knobs{}, fmt.Errorf("enginetest: knob %s=%q: %w", f.key, q.Get(f.key), err)
		}
	}
	// net/http panics on codes it cannot write, and a 1xx would leave the
	// real response to net/http's defaults: refuse both up front.
	if k.Status != 0 && (k.Status < 200 || k.Status > 999) {
		return Knobs{}, fmt.Errorf("enginetest: knob status=%d: want 200..999", k.Status)
	}
	return k, nil
}

func intKnob[T int | int64](key string, field func(*Knobs) *T) knobField {
	return knobField{
		key: key,
		get: func(k *Knobs) string {
			if v := *field(k); v != 0 {
				return strconv.FormatInt(int64(v), 10)
			}
			return ""
		},
		set: func(k *Knobs, s string) error {
			v, err := strconv.ParseInt(s, 10, 64)
			*field(k) = T(v)
			return err
		},
	}
}

func durationKnob(key string, field func(*Knobs) *time.Duration) knobField {
	return knobField{
		key: key,
		get: func(k *Knobs) string {
			if v := *field(k); v != 0 {
				return v.String()
			}
			return ""
		},
		set: func(k *Knobs, s string) error {
			v, err := time.ParseDuration(s)
			*field(k) = v
			return err
		},
	}
}

func boolKnob(key string, field func(*Knobs) *bool) knobField {
	return knobField{
		key: key,
		get: func(k *Knobs) string {
			if *field(k) {
				return "1"
			}
			return ""
		},
		set: func(k *Knobs, s string) error {
			v, err := strconv.ParseBool(s)
			*field(k) = v
			return err
		},
	}
}

func stringKnob(key string, field func(*Knobs) *string) knobField {
	return knobField{
		key: key,
		get: func(k *Knobs) string { return *field(k) },
		set: func(k *Knobs, s string) error {
			*field(k) = s
			return nil
		},
	}
}
