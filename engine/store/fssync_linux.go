package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// groupSyncFilesystems are the filesystems whose syncfs makes every file
// written before it durable, data and names alike, in one journal commit.
// Others (FUSE mounts such as NTFS and exFAT drives, network shares) may
// only pass the data on; their files are synced one by one.
var groupSyncFilesystems = map[int64]bool{
	unix.EXT4_SUPER_MAGIC:  true, // also ext2 and ext3
	unix.XFS_SUPER_MAGIC:   true,
	unix.BTRFS_SUPER_MAGIC: true,
	unix.F2FS_SUPER_MAGIC:  true,
}

// openFSSync makes the group sync of the filesystem holding the folder,
// when it is one that syncs whole: nil otherwise.
func openFSSync(root *os.Root) (*syncGroup, *os.File) {
	d, err := root.Open(".")
	if err != nil {
		return nil, nil
	}
	fd := int(d.Fd())
	var st unix.Statfs_t
	if unix.Fstatfs(fd, &st) != nil || !groupSyncFilesystems[int64(st.Type)] {
		d.Close()
		return nil, nil
	}
	return newSyncGroup(func() error { return unix.Syncfs(fd) }, syncGap), d
}
