// The shared parts of /proc's directories (see procfs_directory.h).
#include "fs/procfs/procfs_directory.h"

#include "fs/vfs/file_clock.h"

VnodeStat procfs_directory_stat(u64 fs_id, u64 inode, u32 uid, u32 gid)
{
    VnodeStat stat;
    stat.fs_id = fs_id;
    stat.inode = inode;
    stat.mode = FileMode::Directory | 0555;
    stat.nlink = 2;
    stat.uid = uid;
    stat.gid = gid;
    stat.mtime = file_clock_now();
    stat.block_size = PAGE_SIZE;
    return stat;
}

usize procfs_fill_file_list(u64& cookie, DirectoryEntry* entries, usize capacity, u64 self_inode, u64 parent_inode,
    ProcfsFileKind const* files, usize file_count, i32 pid)
{
    usize filled = 0;
    while (filled < capacity && cookie < 2) {
        if (cookie == 0)
            entries[filled++].set(self_inode, VnodeKind::Directory, "."_sv);
        else
            entries[filled++].set(parent_inode, VnodeKind::Directory, ".."_sv);
        ++cookie;
    }
    while (filled < capacity && cookie - 2 < file_count) {
        ProcfsFileKind kind = files[cookie - 2];
        entries[filled++].set(procfs_inode::of_file(kind, pid), VnodeKind::Regular, procfs_file_name(kind));
        ++cookie;
    }
    return filled;
}
