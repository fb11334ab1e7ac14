// RamfsNode: shared metadata and stat().
#include "fs/ramfs/ramfs_node.h"

#include "fs/vfs/file_clock.h"

RamfsNode::RamfsNode(NonnullRefPtr<RamfsContext> context, VnodeKind kind, u32 permissions, u32 uid, u32 gid,
    u32 nlink)
    : Vnode(kind, context->fs_id(), context->allocate_inode())
    , m_context(std::move(context))
    , m_permissions(permissions & FileMode::PermissionMask)
    , m_uid(uid)
    , m_gid(gid)
    , m_nlink(nlink)
    , m_mtime(file_clock_now())
{
}

Result<VnodeStat> RamfsNode::stat()
{
    MutexLocker locker(m_context->lock);
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = file_type_bits(kind()) | m_permissions;
    stat.nlink = m_nlink;
    stat.uid = m_uid;
    stat.gid = m_gid;
    stat.size = size_locked();
    stat.mtime = m_mtime;
    stat.block_size = PAGE_SIZE;
    stat.blocks = align_up(stat.size, PAGE_SIZE) / 512;
    return stat;
}

Result<void> RamfsNode::set_mode(u32 permissions)
{
    MutexLocker locker(m_context->lock);
    m_permissions = permissions & FileMode::PermissionMask;
    return {};
}

Result<void> RamfsNode::set_owner(u32 uid, u32 gid)
{
    MutexLocker locker(m_context->lock);
    m_uid = uid;
    m_gid = gid;
    return {};
}

void RamfsNode::touch_locked() { m_mtime = file_clock_now(); }
