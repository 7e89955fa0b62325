package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeDisk stands for a filesystem: writes get a number, and a sync makes
// durable every write numbered before the sync began.
type fakeDisk struct {
	mu      sync.Mutex
	written int // writes so far
	durable int // writes known durable
	syncs   int // syncs begun
	starts  []time.Time
	fail    bool
	took    time.Duration
}

func (d *fakeDisk) write() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.written++
	return d.written
}

func (d *fakeDisk) sync() error {
	d.mu.Lock()
	covers := d.written
	d.syncs++
	d.starts = append(d.starts, time.Now())
	fail := d.fail
	d.mu.Unlock()
	time.Sleep(d.took) // the disk at work
	if fail {
		return errors.New("EIO")
	}
	d.mu.Lock()
	d.durable = max(d.durable, covers)
	d.mu.Unlock()
	return nil
}

// TestSyncGroupCoversEveryWrite: 500 writers in waves each wait for the
// group sync; when a writer is told its write is durable, it is, and the
// writers share a few dozen syncs instead of one each.
func TestSyncGroupCoversEveryWrite(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		disk := &fakeDisk{took: 3 * time.Millisecond}
		g := newSyncGroup(disk.sync, 10*time.Millisecond)
		var wg sync.WaitGroup
		for i := range 500 {
			wg.Go(func() {
				time.Sleep(time.Duration(i%50) * time.Millisecond)
				n := disk.write()
				if err := g.after(); err != nil {
					t.Error(err)
				}
				disk.mu.Lock()
				defer disk.mu.Unlock()
				if disk.durable < n {
					t.Errorf("write %d reported durable; only %d are", n, disk.durable)
				}
			})
		}
		wg.Wait()
		if disk.syncs > 25 {
			t.Errorf("%d syncs for 500 writes over 50 ms", disk.syncs)
		}
		for i := 1; i < len(disk.starts); i++ {
			if gap := disk.starts[i].Sub(disk.starts[i-1]); gap < 10*time.Millisecond {
				t.Errorf("sync %d began %v after the one before", i, gap)
			}
		}
	})
}

// TestSyncGroupLateArrivalWaitsForTheNextSync: a write made while a sync
// runs is not covered by it, so its writer waits for the next one.
func TestSyncGroupLateArrivalWaitsForTheNextSync(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		disk := &fakeDisk{took: 20 * time.Millisecond}
		g := newSyncGroup(disk.sync, 0)
		disk.write()
		first := make(chan struct{})
		go func() {
			g.after()
			close(first)
		}()
		time.Sleep(5 * time.Millisecond) // the first sync is under way
		n := disk.write()
		g.after()
		if disk.durable < n || disk.syncs != 2 {
			t.Errorf("durable %d of %d after %d syncs", disk.durable, n, disk.syncs)
		}
		<-first
	})
}

// TestSyncGroupFailureIsReported: whoever a failed sync served hears of
// it (and syncs its own file), and a later good sync serves the rest.
func TestSyncGroupFailureIsReported(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		disk := &fakeDisk{fail: true}
		g := newSyncGroup(disk.sync, 0)
		if err := g.after(); err == nil {
			t.Error("a failed sync was reported as good")
		}
		disk.fail = false
		if err := g.after(); err != nil {
			t.Errorf("a good sync after a failed one: %v", err)
		}
	})
}

// TestSyncFileFallsBackToTheFile: when the group sync fails, the file is
// opened again and synced on its own, so a lost file is reported.
func TestSyncFileFallsBackToTheFile(t *testing.T) {
	f := open(t, t.TempDir())
	defer f.Close(true)
	disk := &fakeDisk{fail: true}
	f.fsSync = newSyncGroup(disk.sync, 0)
	file, tmp, err := f.CreateTemp("t")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(file, "page")
	if file, err = f.Written(file); file != nil || err != nil {
		t.Fatalf("Written kept the file open (%v, %v)", file, err)
	}
	if err := f.SyncFile(nil, tmp); err != nil {
		t.Errorf("the file synced on its own failed: %v", err)
	}
	f.Remove(tmp)
	if err := f.SyncFile(nil, tmp); err == nil {
		t.Error("a file gone before its sync was reported durable")
	}
	if disk.syncs != 2 {
		t.Errorf("%d group syncs tried, want 2", disk.syncs)
	}
}

// TestGroupSyncPlacesManyFiles: with one filesystem sync serving all,
// 200 files written and placed at once all arrive whole under their
// names, and they take far fewer syncs than files.
func TestGroupSyncPlacesManyFiles(t *testing.T) {
	dir := t.TempDir()
	f := open(t, dir)
	defer f.Close(true)
	disk := &fakeDisk{}
	f.fsSync = newSyncGroup(func() error { disk.write(); return disk.sync() }, time.Millisecond)
	f.dirs.group = f.fsSync
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			file, tmp, err := f.CreateTemp("t")
			if err != nil {
				t.Error(err)
				return
			}
			fmt.Fprintf(file, "page %d", i)
			if file, err = f.Written(file); err != nil {
				t.Error(err)
				return
			}
			if err := f.SyncFile(file, tmp); err != nil {
				t.Error(err)
				return
			}
			if _, err := f.Place(tmp, "site", fmt.Sprintf("p%d", i), ".html"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := range 200 {
		b, err := os.ReadFile(filepath.Join(dir, "site", fmt.Sprintf("p%d.html", i)))
		if err != nil || string(b) != fmt.Sprintf("page %d", i) {
			t.Fatalf("p%d.html: %q %v", i, b, err)
		}
	}
	if disk.syncs >= 200 {
		t.Errorf("%d syncs for 200 files, each wanting two", disk.syncs)
	}
	t.Logf("%d syncs for 200 files", disk.syncs)
}

// TestSyncGroupPauseGathers: a writer arriving while the next sync waits
// out the pause is served by that very sync, not the one after.
func TestSyncGroupPauseGathers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		disk := &fakeDisk{}
		g := newSyncGroup(disk.sync, 10*time.Millisecond)
		disk.write()
		g.after() // the first sync: nothing to wait for
		disk.write()
		done := make(chan struct{})
		go func() {
			g.after() // pauses until 10 ms after the first sync began
			close(done)
		}()
		time.Sleep(2 * time.Millisecond)
		n := disk.write()
		g.after()
		<-done
		if disk.syncs != 2 || disk.durable < n {
			t.Errorf("%d syncs, %d of %d writes durable; want 2 syncs covering all", disk.syncs, disk.durable, n)
		}
	})
}
