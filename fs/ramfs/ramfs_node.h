// RamfsNode: what ramfs files and directories have in common — ownership, mode,
// link count and modification time, and the stat() built from them.
#pragma once

#include "fs/ramfs/ramfs_context.h"
#include "fs/vfs/vnode.h"

// Locks: the metadata fields are guarded by the context lock.
class RamfsNode : public Vnode {
public:
    Result<VnodeStat> stat() override;
    Result<void> set_mode(u32 permissions) override;
    Result<void> set_owner(u32 uid, u32 gid) override;

protected:
    RamfsNode(NonnullRefPtr<RamfsContext> context, VnodeKind kind, u32 permissions, u32 uid, u32 gid, u32 nlink);

    RamfsContext& context() const { return *m_context; }
    // Caller must hold the context lock.
    virtual u64 size_locked() const = 0;
    void touch_locked();

    friend class RamfsDirectory;
    NonnullRefPtr<RamfsContext> m_context;
    u32 m_permissions;
    u32 m_uid;
    u32 m_gid;
    u32 m_nlink;
    u64 m_mtime;
};
