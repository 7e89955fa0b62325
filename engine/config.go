package engine

import (
	"errors"
	"fmt"
	"time"

	"pagekeeper/engine/fetch"
)

// Limits on what a person may choose, enforced by Config.Validate.
const (
	MinDownloadWorkers = 1
	MaxDownloadWorkers = 64
	MinSaveWorkers     = 1
	MaxSaveWorkers     = 16
	MinPerSite         = 1
	MaxPerSite         = 16
	// MaxRedirects is how many redirects one address may follow.
	MaxRedirects = 10
)

// Config is everything a run can be told. The zero value of a field means
// its default (see Defaults), so callers set only what they care about.
type Config struct {
	OutputDir       string        // where pages are kept; created if missing
	DownloadWorkers int           // 1–64, default 8
	SaveWorkers     int           // 1–16, default 2
	PerHost         int           // requests at once to one site, 1–16, default 4
	ConnectTimeout  time.Duration // to open a connection, default 15 s
	ResponseTimeout time.Duration // from request to first answer, default 30 s
	IdleTimeout     time.Duration // longest silence inside a body, default 30 s
	// MinRate and MinRateTime are the speed floor: a body slower than
	// MinRate bytes/s over MinRateTime fails. Defaults 1,000 bytes/s over
	// 60 s; a negative MinRate turns it off.
	MinRate     int64
	MinRateTime time.Duration
	Retries     int           // extra attempts after the first, default 3; -1 for none
	RetryBase   time.Duration // first backoff, doubled per attempt, default 1 s
	// MaxRetryAfter caps how long a server's Retry-After may pause a
	// site, default 60 s.
	MaxRetryAfter   time.Duration
	MaxSize         int64  // largest page kept, default 2 GB
	ResourceMaxSize int64  // largest resource of a complete page, default 50 MB
	PageLimit       int64  // all resources of one complete page, default 200 MB
	MemoryLimit     int64  // bodies larger than this spill to disk, default 4 MiB
	UserAgent       string // sent with every request
	Format          Format // how pages are written, default Complete with scripts
	// WARC records every exchange of a run (pages, resources, redirect
	// hops, refusals) in <out>/archive as WARC files.
	WARC bool
	// WACZ also packs the folder's WARC files into <out>/<folder>.wacz at
	// the end of each run, the one file ReplayWeb.page opens. It implies
	// WARC.
	WACZ bool
	// NewCopy keeps a new copy of an address this folder already saved,
	// beside the old one with its date in the name; otherwise such an
	// address is skipped as "Already saved on ...".
	NewCopy bool

	// memoryOnly keeps the list in memory only: benchmarks measure what
	// the session journal costs with it.
	memoryOnly bool
}

// DefaultUserAgent names us to the servers we visit.
const DefaultUserAgent = "Pagekeeper/0.1 (desktop web page archiver)"

// Defaults returns c with every unset field given its default.
func (c Config) Defaults() Config {
	setDefault(&c.DownloadWorkers, 8)
	setDefault(&c.SaveWorkers, 2)
	setDefault(&c.PerHost, 4)
	setDefault(&c.ConnectTimeout, 15*time.Second)
	setDefault(&c.ResponseTimeout, 30*time.Second)
	setDefault(&c.IdleTimeout, 30*time.Second)
	setDefault(&c.MinRate, 1000)
	setDefault(&c.MinRateTime, 60*time.Second)
	setDefault(&c.Retries, 3)
	setDefault(&c.RetryBase, time.Second)
	setDefault(&c.MaxRetryAfter, 60*time.Second)
	setDefault(&c.MaxSize, 2_000_000_000)
	setDefault(&c.ResourceMaxSize, 50_000_000)
	setDefault(&c.PageLimit, 200_000_000)
	setDefault(&c.MemoryLimit, 4<<20)
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Format == nil {
		c.Format = Complete{KeepScripts: true}
	}
	if c.Retries < 0 {
		c.Retries = 0
	}
	return c
}

func setDefault[T int | int64 | time.Duration](v *T, d T) {
	if *v == 0 {
		*v = d
	}
}

// Validate reports the first setting a person must change, in words they
// can act on. It does not touch the disk.
func (c Config) Validate() error {
	switch {
	case c.OutputDir == "":
		return errors.New("Choose a folder to keep the pages in.")
	case c.DownloadWorkers < MinDownloadWorkers || c.DownloadWorkers > MaxDownloadWorkers:
		return fmt.Errorf("Download workers must be between %d and %d (got %d).", MinDownloadWorkers, MaxDownloadWorkers, c.DownloadWorkers)
	case c.SaveWorkers < MinSaveWorkers || c.SaveWorkers > MaxSaveWorkers:
		return fmt.Errorf("Save workers must be between %d and %d (got %d).", MinSaveWorkers, MaxSaveWorkers, c.SaveWorkers)
	case c.PerHost < MinPerSite || c.PerHost > MaxPerSite:
		return fmt.Errorf("Requests at once per site must be between %d and %d (got %d).", MinPerSite, MaxPerSite, c.PerHost)
	case c.MaxSize < 1 || c.ResourceMaxSize < 1 || c.PageLimit < 1:
		return errors.New("The size limits must be positive.")
	case c.Retries > 10:
		return fmt.Errorf("At most 10 retries are allowed (got %d).", c.Retries)
	}
	return nil
}

// fetchSettings is what the fetch layer needs of c.
func (c Config) fetchSettings() fetch.Settings {
	return fetch.Settings{
		ConnectTimeout: c.ConnectTimeout, ResponseTimeout: c.ResponseTimeout, IdleTimeout: c.IdleTimeout,
		MinRate: c.MinRate, MinRateTime: c.MinRateTime, MaxRedirects: MaxRedirects,
		PerHost: c.PerHost, UserAgent: c.UserAgent,
	}
}
