package journal

import "syscall"

// Magic numbers of network file systems in statfs(2)'s f_type.
var networkFSTypes = map[int64]bool{
	0x6969:     true, // NFS
	0x517b:     true, // SMB
	0xff534d42: true, // CIFS
	0xfe534d42: true, // SMB2
	0x01021997: true, // 9P (WSL's Windows drives, VM shares)
	0x5346414f: true, // AFS
	0x73757245: true, // Coda
	0x00c36400: true, // Ceph
	0x0bd00bd0: true, // Lustre
}

func onNetworkShare(path string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return false
	}
	return networkFSTypes[int64(st.Type)]
}
