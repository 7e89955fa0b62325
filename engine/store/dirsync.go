package store

import (
	"os"
	"sync"
)

// dirSyncer makes new names durable with as few folder syncs as possible:
// a sync of a folder covers every name placed in it before the sync
// began, so savers placing files in one folder at once share one sync
// (group commit) instead of queueing one each behind the naming lock.
type dirSyncer struct {
	root  *os.Root
	group *syncGroup // when set, one filesystem sync stands for every folder sync
	mu    sync.Mutex
	cond  *sync.Cond
	dirs  map[string]*dirState
}

type dirState struct {
	placed  uint64 // names placed so far
	synced  uint64 // names known durable
	syncing bool
}

func (d *dirSyncer) init(root *os.Root, group *syncGroup) {
	d.root, d.group = root, group
	d.cond = sync.NewCond(&d.mu)
	d.dirs = map[string]*dirState{}
}

func (d *dirSyncer) state(folder string) *dirState {
	s := d.dirs[folder]
	if s == nil {
		s = &dirState{}
		d.dirs[folder] = s
	}
	return s
}

// placed notes one more name in folder.
func (d *dirSyncer) placed(folder string) {
	d.mu.Lock()
	d.state(folder).placed++
	d.mu.Unlock()
}

// durable returns once every name placed in folder so far is on disk.
func (d *dirSyncer) durable(folder string) {
	if d.group != nil && d.group.after() == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	s := d.state(folder)
	want := s.placed
	for s.synced < want {
		if s.syncing {
			d.cond.Wait()
			continue
		}
		s.syncing = true
		target := s.placed
		d.mu.Unlock()
		syncDir(d.root, folder)
		d.mu.Lock()
		s.syncing = false
		s.synced = max(s.synced, target)
		d.cond.Broadcast()
	}
}

// syncDir makes a folder's names durable; best effort, not every system
// allows it (Windows does not sync folders).
func syncDir(root *os.Root, folder string) {
	if d, err := root.Open(folder); err == nil {
		d.Sync()
		d.Close()
	}
}
