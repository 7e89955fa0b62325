package enginetest

import "net/http"

// ServeHTTP answers r as the Knobs in its query string say. A query that
// does not parse as Knobs gets 400, so a typo in a test fails loudly.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	attempt := s.stats.begin(r)
	defer s.stats.end()

	k, err := ParseKnobs(r.URL.Query())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if k.BodyPath == "" {
		k.BodyPath = r.URL.Path
	}
	if err := s.wait(r.Context(), k.Latency); err != nil {
		drop()
	}
	padHeaders(w, k.HeaderBytes)
	if k.Switch {
		s.switchProtocols(w)
		return
	}
	if k.FailTimes > 0 {
		if attempt <= k.FailTimes {
			failure(w, k)
			return
		}
		k.Status = 0 // the promised recovery is a plain 200
	}
	if redirect(w, r, k) {
		return
	}
	if status := k.status(); status >= 300 {
		shortAnswer(w, status, k)
		return
	}
	s.serveBody(w, r, k)
}
