// MountTable: which directory (the mount point, in the file system above) is
// covered by which mounted file system's root. Path lookup asks it in both
// directions: down (a mount point -> the root over it) and up (a mounted root
// -> the mount point, for "..").
#pragma once

#include "fs/vfs/file_system.h"
#include "kernel/lib/vector.h"
#include "kernel/sync/mutex.h"

// Locks: m_lock (a Mutex) guards the list; no vnode op is called under it.
// Vnodes are compared by identity (fs id, inode), so a file system that hands
// out several Vnode objects for one directory still matches.
class MountTable {
public:
    struct Mount {
        NonnullRefPtr<FileSystem> file_system;
        NonnullRefPtr<Vnode> mount_point; // the covered directory
        NonnullRefPtr<Vnode> root;        // file_system's root
    };

    MountTable() = default;
    MountTable(MountTable const&) = delete;
    MountTable& operator=(MountTable const&) = delete;

    // Busy (EBUSY) if mount_point is already covered or file_system is mounted.
    Result<void> add(NonnullRefPtr<Vnode> mount_point, NonnullRefPtr<FileSystem> file_system);
    // Removes the mount whose root is root (InvalidArgument if none).
    Result<void> remove_by_root(Vnode const& root);

    // The root mounted over vnode, or null if vnode is not a mount point.
    RefPtr<Vnode> root_covering(Vnode const& vnode);
    // The mount point under vnode, or null if vnode is not a mounted root.
    RefPtr<Vnode> mount_point_under(Vnode const& vnode);
    bool is_mount_point(Vnode const& vnode) { return !root_covering(vnode).is_null(); }
    usize count();

private:
    Mutex m_lock;
    Vector<Mount> m_mounts;
};
