// Package warc keeps a run's HTTP exchanges as a web archive: WARC/1.1
// files under the output folder's archive/ folder, and a WACZ package of
// them that ReplayWeb.page and other archive tools open.
//
// A Recorder (Open) takes exchanges from the fetch layer and writes them
// from one goroutine of its own, each record as its own gzip member, so a
// stop or a crash never leaves a record that readers choke on: a record is
// written whole or not at all, an unfinished file keeps an ".open" suffix,
// and the next Open repairs what a crash left behind. BuildWACZ packages
// the finished WARC files with a CDXJ index and a list of pages.
//
// Records are written with gowarc (github.com/nlnwa/gowarc/v3). Small
// records go through its record builder with strict validation; response
// payloads are streamed straight from the exchange instead, because the
// builder copies every block into a buffer of its own (see response.go).
package warc
