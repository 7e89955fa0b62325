package fetch

import "time"

// Settings bound every request a Client makes. The zero value of a field
// means its default (see Defaults).
type Settings struct {
	ConnectTimeout  time.Duration // to open a connection, default 15 s
	ResponseTimeout time.Duration // from request to the answer's headers, default 30 s
	IdleTimeout     time.Duration // longest silence inside a body, default 30 s
	// MinRate and MinRateTime are the speed floor, like curl's
	// --speed-limit and --speed-time: a body that arrives slower than
	// MinRate bytes per second over MinRateTime fails, so a server
	// trickling a byte every 20 s cannot hold a worker for ever.
	// Defaults: 1,000 bytes/s over 60 s. A negative MinRate turns it off.
	MinRate     int64
	MinRateTime time.Duration
	// MaxHeaderBytes caps an answer's headers, default 64 KiB: with 64
	// workers, net/http's own 10 MB default could hold 640 MB.
	MaxHeaderBytes int64
	// MaxErrorBody is how much of an error page is read (and recorded),
	// default 64 KiB.
	MaxErrorBody int64
	MaxRedirects int    // redirects one address may follow, default 10
	PerHost      int    // idle connections kept per site, default 4
	UserAgent    string // sent with every request
	// Proxy, when false, ignores the HTTP_PROXY variables (tests).
	NoProxy bool
}

// Defaults returns s with every unset field given its default.
func (s Settings) Defaults() Settings {
	def(&s.ConnectTimeout, 15*time.Second)
	def(&s.ResponseTimeout, 30*time.Second)
	def(&s.IdleTimeout, 30*time.Second)
	def(&s.MinRate, 1000)
	def(&s.MinRateTime, 60*time.Second)
	def(&s.MaxHeaderBytes, 64<<10)
	def(&s.MaxErrorBody, 64<<10)
	def(&s.MaxRedirects, 10)
	def(&s.PerHost, 4)
	if s.UserAgent == "" {
		s.UserAgent = "Pagekeeper"
	}
	return s
}

func def[T int | int64 | time.Duration](v *T, d T) {
	if *v == 0 {
		*v = d
	}
}
