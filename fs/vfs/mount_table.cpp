// MountTable: a short list searched by vnode identity (there are few mounts).
#include "fs/vfs/mount_table.h"

Result<void> MountTable::add(NonnullRefPtr<Vnode> mount_point, NonnullRefPtr<FileSystem> file_system)
{
    NonnullRefPtr<Vnode> root = file_system->root();
    MutexLocker locker(m_lock);
    for (auto const& mount : m_mounts) {
        if (mount.mount_point->is_same(*mount_point) || mount.file_system->id() == file_system->id())
            return Error::Busy;
    }
    return m_mounts.try_append(Mount { std::move(file_system), std::move(mount_point), std::move(root) });
}

Result<void> MountTable::remove_by_root(Vnode const& root)
{
    Vector<Mount> dropped; // the last references go after the unlock
    MutexLocker locker(m_lock);
    for (usize i = 0; i < m_mounts.size(); ++i) {
        if (m_mounts[i].root->is_same(root)) {
            TRY(dropped.try_append(std::move(m_mounts[i])));
            m_mounts.remove(i);
            return {};
        }
    }
    return Error::InvalidArgument;
}

RefPtr<Vnode> MountTable::root_covering(Vnode const& vnode)
{
    MutexLocker locker(m_lock);
    for (auto const& mount : m_mounts) {
        if (mount.mount_point->is_same(vnode))
            return RefPtr<Vnode>(mount.root);
    }
    return nullptr;
}

RefPtr<Vnode> MountTable::mount_point_under(Vnode const& vnode)
{
    MutexLocker locker(m_lock);
    for (auto const& mount : m_mounts) {
        if (mount.root->is_same(vnode))
            return RefPtr<Vnode>(mount.mount_point);
    }
    return nullptr;
}

usize MountTable::count()
{
    MutexLocker locker(m_lock);
    return m_mounts.size();
}
