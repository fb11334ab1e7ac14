// DevfsDirectory: the device registry as a directory.
#include "fs/devfs/devfs_directory.h"

Result<NonnullRefPtr<DevfsDirectory>> DevfsDirectory::create(u32 fs_id)
{
    return adopt_ref_if_nonnull(new (std::nothrow) DevfsDirectory(fs_id));
}

Result<void> DevfsDirectory::add(StringView name, NonnullRefPtr<DevfsDeviceNode> node)
{
    if (name.is_empty() || name == "."_sv || name == ".."_sv || name.contains('/'))
        return Error::InvalidArgument;
    auto owned = TRY(FileName::create(name));
    MutexLocker locker(m_lock);
    if (m_entries.find_if([&](Entry const& entry) { return entry.name.view() == name; }))
        return Error::Exists;
    TRY(m_entries.try_append(Entry { std::move(owned), std::move(node), m_next_cookie }));
    ++m_next_cookie;
    return {};
}

Result<void> DevfsDirectory::remove(StringView name)
{
    RefPtr<DevfsDeviceNode> dropped; // released after the unlock
    MutexLocker locker(m_lock);
    for (usize i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].name.view() == name) {
            dropped = m_entries[i].node;
            m_entries.remove(i);
            return {};
        }
    }
    return Error::NoEntry;
}

Result<VnodeStat> DevfsDirectory::stat()
{
    MutexLocker locker(m_lock);
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::Directory | 0755;
    stat.nlink = 2;
    stat.size = m_entries.size();
    stat.block_size = PAGE_SIZE;
    return stat;
}

Result<NonnullRefPtr<Vnode>> DevfsDirectory::lookup(StringView name)
{
    if (name == "."_sv || name == ".."_sv)
        return NonnullRefPtr<Vnode>(*this);
    MutexLocker locker(m_lock);
    Entry* entry = m_entries.find_if([&](Entry const& candidate) { return candidate.name.view() == name; });
    if (!entry)
        return Error::NoEntry;
    return NonnullRefPtr<Vnode>(*entry->node);
}

Result<usize> DevfsDirectory::readdir(u64& cookie, DirectoryEntry* entries, usize capacity)
{
    MutexLocker locker(m_lock);
    usize filled = 0;
    while (filled < capacity && cookie < 2) {
        entries[filled++].set(inode(), VnodeKind::Directory, cookie == 0 ? "."_sv : ".."_sv);
        ++cookie;
    }
    usize i = 0;
    while (i < m_entries.size() && m_entries[i].cookie < cookie)
        ++i;
    for (; i < m_entries.size() && filled < capacity; ++i) {
        entries[filled++].set(m_entries[i].node->inode(), VnodeKind::CharDevice, m_entries[i].name.view());
        cookie = m_entries[i].cookie + 1;
    }
    return filled;
}
