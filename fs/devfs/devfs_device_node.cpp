// DevfsDeviceNode: metadata of a /dev entry.
#include "fs/devfs/devfs_device_node.h"

DevfsDeviceNode::DevfsDeviceNode(u32 fs_id, u64 inode, NonnullRefPtr<CharDevice> device, u32 permissions, u32 uid,
    u32 gid, u32 rdev)
    : Vnode(VnodeKind::CharDevice, fs_id, inode)
    , m_device(std::move(device))
    , m_permissions(permissions & FileMode::PermissionMask)
    , m_uid(uid)
    , m_gid(gid)
    , m_rdev(rdev)
{
}

Result<NonnullRefPtr<DevfsDeviceNode>> DevfsDeviceNode::create(u32 fs_id, u64 inode,
    NonnullRefPtr<CharDevice> device, u32 permissions, u32 uid, u32 gid, u32 rdev)
{
    return adopt_ref_if_nonnull(
        new (std::nothrow) DevfsDeviceNode(fs_id, inode, std::move(device), permissions, uid, gid, rdev));
}

Result<VnodeStat> DevfsDeviceNode::stat()
{
    MutexLocker locker(m_lock);
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::CharDevice | m_permissions;
    stat.nlink = 1;
    stat.uid = m_uid;
    stat.gid = m_gid;
    stat.rdev = m_rdev;
    stat.block_size = PAGE_SIZE;
    return stat;
}

Result<void> DevfsDeviceNode::set_mode(u32 permissions)
{
    MutexLocker locker(m_lock);
    m_permissions = permissions & FileMode::PermissionMask;
    return {};
}

Result<void> DevfsDeviceNode::set_owner(u32 uid, u32 gid)
{
    MutexLocker locker(m_lock);
    m_uid = uid;
    m_gid = gid;
    return {};
}
