package journal

// savedIndex answers LastSaved from memory: the saved records by ID, and
// the IDs by address (URL and final URL). It follows the rows of the list:
// a removed row no longer counts.
type savedIndex struct {
	byID  map[int]*Record
	byURL map[string][]int
	// spare is room for one-ID lists in byURL, so building the index for
	// a long list does not allocate once per address.
	spare []int
}

func newSavedIndex() savedIndex {
	return savedIndex{byID: map[int]*Record{}, byURL: map[string][]int{}}
}

// buildSavedIndex indexes the saved rows of a list just read, in a few
// large allocations.
func buildSavedIndex(rows []Record) savedIndex {
	n := 0
	for i := range rows {
		if rows[i].saved() {
			n++
		}
	}
	x := savedIndex{
		byID:  make(map[int]*Record, n),
		byURL: make(map[string][]int, 2*n),
		spare: make([]int, 0, 2*n),
	}
	copies := make([]Record, 0, n)
	for i := range rows {
		if rows[i].saved() {
			copies = append(copies, rows[i])
			x.add(&copies[len(copies)-1])
		}
	}
	return x
}

// put follows r: indexed if it is saved, dropped if it no longer is.
func (x *savedIndex) put(r *Record) {
	old, had := x.byID[r.ID]
	switch {
	case !r.saved():
		if had {
			x.remove(r.ID)
		}
	case had && old.URL == r.URL && old.FinalURL == r.FinalURL:
		*old = *r
	default:
		if had {
			x.remove(r.ID)
		}
		c := new(Record)
		*c = *r
		x.add(c)
	}
}

func (x *savedIndex) add(r *Record) {
	x.byID[r.ID] = r
	x.link(r.URL, r.ID)
	if r.FinalURL != "" && r.FinalURL != r.URL {
		x.link(r.FinalURL, r.ID)
	}
}

func (x *savedIndex) remove(id int) {
	old, ok := x.byID[id]
	if !ok {
		return
	}
	delete(x.byID, id)
	x.unlink(old.URL, id)
	x.unlink(old.FinalURL, id)
}

func (x *savedIndex) link(url string, id int) {
	if ids, ok := x.byURL[url]; ok {
		x.byURL[url] = append(ids, id)
		return
	}
	if len(x.spare) < cap(x.spare) {
		x.spare = append(x.spare, id)
		k := len(x.spare)
		x.byURL[url] = x.spare[k-1 : k : k] // full: a second ID reallocates
		return
	}
	x.byURL[url] = []int{id}
}

func (x *savedIndex) unlink(url string, id int) {
	ids, ok := x.byURL[url]
	if !ok {
		return
	}
	for i, v := range ids {
		if v == id {
			ids = append(ids[:i], ids[i+1:]...)
			break
		}
	}
	if len(ids) == 0 {
		delete(x.byURL, url)
	} else {
		x.byURL[url] = ids
	}
}

// latest is the saved record for url with the latest Saved time (the
// higher ID on a tie).
func (x *savedIndex) latest(url string) (Record, bool) {
	var best *Record
	for _, id := range x.byURL[url] {
		r := x.byID[id]
		if best == nil || r.Saved.After(best.Saved) || (r.Saved.Equal(best.Saved) && r.ID > best.ID) {
			best = r
		}
	}
	if best == nil {
		return Record{}, false
	}
	return *best, true
}
