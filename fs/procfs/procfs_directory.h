// What every /proc directory shares: its stat (0555, owned by uid:gid) and the
// readdir of "." and ".." followed by a fixed list of files — /proc/<pid>/ and
// the file-list directories (/proc/net/, /proc/cluster/).
#pragma once

#include "fs/procfs/procfs_file_kind.h"
#include "fs/vfs/vnode.h"

VnodeStat procfs_directory_stat(u64 fs_id, u64 inode, u32 uid = 0, u32 gid = 0);

// Cookies: 0 ".", 1 "..", 2 + i the i-th of files (inodes of_file(kind, pid)).
// Fills up to capacity entries from cookie on, advancing it; returns how many.
usize procfs_fill_file_list(u64& cookie, DirectoryEntry* entries, usize capacity, u64 self_inode, u64 parent_inode,
    ProcfsFileKind const* files, usize file_count, i32 pid);
