package failure

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
)

// words says each kind in a sentence: what happened, then what to do when
// there is something to do. Every sentence a person reads about a failure
// comes from here or from statusWords.
var words = [numKinds]func(f Failure) string{
	None:         func(Failure) string { return "" },
	BadAddress:   func(Failure) string { return "This address cannot be requested: check how it is written" },
	SiteNotFound: func(Failure) string { return "The site could not be found: check the address" },
	NameLookup:   func(Failure) string { return "The site's name could not be looked up: check the network connection" },
	Refused: func(Failure) string {
		return "The server refused the connection: the site may be down, try again later"
	},
	ConnectTimeout: func(f Failure) string {
		return "Could not connect to the server within " + Seconds(f.Wait) + ": the site may be down"
	},
	Reset: func(Failure) string { return "The server cut the connection off: try again later" },
	AnswerTimeout: func(f Failure) string {
		return "The server did not answer within " + Seconds(f.Wait) + ": try again later"
	},
	Idle: func(f Failure) string {
		return "The server stopped sending for " + Seconds(f.Wait) + ": try again later"
	},
	TooSlow:   tooSlow,
	Truncated: truncated,
	Certificate: func(Failure) string {
		return "The site's security certificate is not valid, so its pages cannot be trusted"
	},
	NotSecure: func(Failure) string {
		return "This site does not offer a secure connection; try the address with http://"
	},
	HTTPStatus:       statusWords,
	TooLarge:         func(f Failure) string { return "The file is larger than the " + Bytes(f.Limit) + " limit" },
	TooManyRedirects: func(f Failure) string { return fmt.Sprintf("The address redirected more than %d times", f.Limit) },
	RedirectNotWeb:   func(Failure) string { return "The address redirected to something that is not a web page" },
	HeadersTooLarge:  func(f Failure) string { return "The server's answer had headers over the " + Bytes(f.Limit) + " limit" },
	UnexpectedSwitch: func(Failure) string { return "The server switched to another protocol instead of sending the page" },
	Network:          func(Failure) string { return "The network failed during the download: try again later" },
	DiskFull:         func(Failure) string { return "The disk is full: free some space, then retry" },
	NoPermission:     func(Failure) string { return "Pagekeeper may not write in the output folder: choose another folder" },
	ReadOnlyDisk:     func(Failure) string { return "The output folder is on a read-only disk: choose another folder" },
	DiskError:        func(Failure) string { return "The file could not be written: check the disk, then retry" },
	Canceled:         func(Failure) string { return "Stopped before it was saved" },
	PageTooLarge:     func(f Failure) string { return "Left out: the page would pass its " + Bytes(f.Limit) + " limit" },
	NotFetched:       func(Failure) string { return "Left out: it refers back to itself or is nested too deep" },
	FileMissing:      func(Failure) string { return "The saved file is no longer on disk: retry to fetch it again" },
	Encoding:         func(Failure) string { return "The server sent the page compressed in a way Pagekeeper cannot read" },
	AlreadySaved:     func(Failure) string { return "Already saved in this folder: tick \"Save a new copy\" to keep another" },
}

// Brief is the failure in a few words, without the advice: what a list of
// a page's missing resources says of each ("The page was not found (HTTP
// 404)"), where "check the address" would point at the wrong address.
func (f Failure) Brief() string {
	m := f.Message()
	for _, advice := range advices {
		if head, ok := strings.CutSuffix(m, advice); ok {
			return head
		}
	}
	return m
}

// advices are the endings of sentences that tell the person what to do
// about a page; Brief leaves them out.
var advices = []string{
	": check the address", ": try again later", ": check the network connection",
	": the site may be down, try again later", ": the site may be down",
	"; try the address with http://", ": check how it is written",
}

// Message is the failure in words a person can read and act on.
func (f Failure) Message() string {
	if int(f.Kind) >= len(words) || words[f.Kind] == nil {
		return "Something went wrong"
	}
	return words[f.Kind](f)
}

func tooSlow(f Failure) string {
	return fmt.Sprintf("The server sent less than %s/s for %s: try again later", Bytes(f.Limit), Seconds(f.Wait))
}

func truncated(f Failure) string {
	if f.Want > 0 {
		return fmt.Sprintf("The server ended the transfer early (%s of %s): try again later", Bytes(f.Got), Bytes(f.Want))
	}
	return "The server ended the transfer early: try again later"
}

// statusSentences say what the common refusals mean for the person.
var statusSentences = map[int]string{
	http.StatusNotFound:           "The page was not found (HTTP 404): check the address",
	http.StatusGone:               "The page has been removed (HTTP 410)",
	http.StatusUnauthorized:       "The page needs a login (HTTP 401)",
	http.StatusForbidden:          "The server refused access to the page (HTTP 403)",
	http.StatusTooManyRequests:    "The server asked us to slow down (HTTP 429)",
	http.StatusRequestTimeout:     "The server timed out waiting for us (HTTP 408)",
	http.StatusServiceUnavailable: "The server is busy or down for maintenance (HTTP 503)",
}

func statusWords(f Failure) string {
	code := f.Status
	if s, ok := statusSentences[code]; ok {
		return s
	}
	text := http.StatusText(code)
	switch {
	case code >= 500:
		return fmt.Sprintf("The server had a problem (HTTP %d %s)", code, text)
	case code >= 300 && code < 400:
		return fmt.Sprintf("The server redirected without saying where (HTTP %d)", code)
	case code >= 100 && code < 200:
		return fmt.Sprintf("The server answered HTTP %d instead of sending the page", code)
	case text == "":
		return fmt.Sprintf("The server answered HTTP %d", code)
	}
	return fmt.Sprintf("The server answered HTTP %d %s", code, text)
}

// Bytes is a size as every part of Pagekeeper writes it: "4.2 MB".
func Bytes(n int64) string {
	if n < 0 {
		n = 0
	}
	return humanize.Bytes(uint64(n))
}

// Seconds is a duration as people say it: "30 s", "1.5 s", "2 min".
func Seconds(d time.Duration) string {
	if d >= 2*time.Minute && d%time.Minute == 0 {
		return strconv.Itoa(int(d/time.Minute)) + " min"
	}
	return strconv.FormatFloat(d.Round(100*time.Millisecond).Seconds(), 'f', -1, 64) + " s"
}
