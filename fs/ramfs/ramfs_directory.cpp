// RamfsDirectory: name lookup, creation, removal and rename within one ramfs.
#include "fs/ramfs/ramfs_directory.h"

#include "fs/ramfs/ramfs_file.h"
#include "fs/vfs/credentials.h"

RamfsDirectory::RamfsDirectory(NonnullRefPtr<RamfsContext> context, RamfsDirectory* parent, u32 permissions,
    u32 uid, u32 gid)
    : RamfsNode(std::move(context), VnodeKind::Directory, permissions, uid, gid, 2)
    , m_parent(parent)
{
}

Result<NonnullRefPtr<RamfsDirectory>> RamfsDirectory::create(NonnullRefPtr<RamfsContext> context,
    RamfsDirectory* parent, u32 permissions, u32 uid, u32 gid)
{
    return adopt_ref_if_nonnull(new (std::nothrow) RamfsDirectory(std::move(context), parent, permissions, uid, gid));
}

RamfsDirectory::~RamfsDirectory()
{
    // Subdirectories someone still holds (as a cwd) must not point back at us.
    for (auto& entry : m_entries) {
        if (entry.node->is_directory())
            static_cast<RamfsDirectory&>(*entry.node).m_parent = nullptr;
    }
}

RamfsDirectory::Entry* RamfsDirectory::find_locked(StringView name)
{
    return m_entries.find_if([&](Entry const& entry) { return entry.name.view() == name; });
}

usize RamfsDirectory::index_of_locked(StringView name) const
{
    for (usize i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].name.view() == name)
            return i;
    }
    return m_entries.size();
}

Result<void> RamfsDirectory::insert_locked(StringView name, NonnullRefPtr<RamfsNode> node)
{
    auto owned = TRY(FileName::create(name));
    TRY(m_entries.try_append(Entry { std::move(owned), std::move(node), m_next_cookie }));
    ++m_next_cookie;
    touch_locked();
    return {};
}

bool RamfsDirectory::is_ancestor_or_self_locked(RamfsDirectory const& other) const
{
    for (RamfsDirectory const* walk = &other; walk; walk = walk->m_parent) {
        if (walk == this)
            return true;
    }
    return false;
}

void RamfsDirectory::detach_locked()
{
    m_parent = nullptr;
    m_nlink = 0;
}

Result<NonnullRefPtr<Vnode>> RamfsDirectory::lookup(StringView name)
{
    MutexLocker locker(context().lock);
    if (name == "."_sv)
        return NonnullRefPtr<Vnode>(*this);
    if (name == ".."_sv)
        return m_parent ? NonnullRefPtr<Vnode>(*m_parent) : NonnullRefPtr<Vnode>(*this);
    Entry* entry = find_locked(name);
    if (!entry)
        return Error::NoEntry;
    return NonnullRefPtr<Vnode>(*entry->node);
}

Result<NonnullRefPtr<Vnode>> RamfsDirectory::create(StringView name, VnodeKind kind, u32 permissions,
    Credentials const& owner)
{
    if (kind == VnodeKind::Directory)
        return mkdir(name, permissions, owner);
    if (kind != VnodeKind::Regular)
        return Error::NotSupported; // FIFOs and device nodes: not yet
    MutexLocker locker(context().lock);
    if (m_nlink == 0)
        return Error::NoEntry; // removed directory
    if (find_locked(name))
        return Error::Exists;
    auto file = TRY(RamfsFile::create(m_context, permissions, owner.uid, owner.gid));
    TRY(insert_locked(name, file));
    return NonnullRefPtr<Vnode>(std::move(file));
}

Result<NonnullRefPtr<Vnode>> RamfsDirectory::mkdir(StringView name, u32 permissions, Credentials const& owner)
{
    MutexLocker locker(context().lock);
    if (m_nlink == 0)
        return Error::NoEntry;
    if (find_locked(name))
        return Error::Exists;
    auto directory = TRY(RamfsDirectory::create(m_context, this, permissions, owner.uid, owner.gid));
    TRY(insert_locked(name, directory));
    ++m_nlink;
    return NonnullRefPtr<Vnode>(std::move(directory));
}

Result<void> RamfsDirectory::unlink(StringView name)
{
    MutexLocker locker(context().lock);
    usize index = index_of_locked(name);
    if (index == m_entries.size())
        return Error::NoEntry;
    RamfsNode& node = *m_entries[index].node;
    if (node.is_directory())
        return Error::IsDirectory;
    --node.m_nlink;
    node.touch_locked();
    m_entries.remove(index); // an open file lives on through its descriptions
    touch_locked();
    return {};
}

Result<void> RamfsDirectory::rmdir(StringView name)
{
    MutexLocker locker(context().lock);
    usize index = index_of_locked(name);
    if (index == m_entries.size())
        return Error::NoEntry;
    RamfsNode& node = *m_entries[index].node;
    if (!node.is_directory())
        return Error::NotDirectory;
    auto& directory = static_cast<RamfsDirectory&>(node);
    if (!directory.m_entries.is_empty())
        return Error::NotEmpty;
    directory.detach_locked();
    --m_nlink;
    m_entries.remove(index);
    touch_locked();
    return {};
}

Result<void> RamfsDirectory::rename(StringView old_name, Vnode& new_directory, StringView new_name)
{
    if (new_directory.fs_id() != fs_id())
        return Error::CrossDevice;
    if (!new_directory.is_directory())
        return Error::NotDirectory;
    // Same file system id means another directory of this ramfs.
    auto& target = static_cast<RamfsDirectory&>(new_directory);
    MutexLocker locker(context().lock);
    if (target.m_nlink == 0)
        return Error::NoEntry;
    Entry* source = find_locked(old_name);
    if (!source)
        return Error::NoEntry;
    NonnullRefPtr<RamfsNode> node = source->node;
    bool moving_directory = node->is_directory();
    Entry* replaced = target.find_locked(new_name);
    if (replaced) {
        if (replaced->node == node.ptr())
            return {}; // the same file under both names: nothing to do
        if (moving_directory) {
            if (!replaced->node->is_directory())
                return Error::NotDirectory;
            if (!static_cast<RamfsDirectory&>(*replaced->node).m_entries.is_empty())
                return Error::NotEmpty;
        } else if (replaced->node->is_directory()) {
            return Error::IsDirectory;
        }
    }
    if (moving_directory && static_cast<RamfsDirectory&>(*node).is_ancestor_or_self_locked(target))
        return Error::InvalidArgument; // into its own subtree

    // Everything fallible happens before the first change.
    if (replaced) {
        NonnullRefPtr<RamfsNode> old_target = replaced->node;
        replaced->node = node;
        if (old_target->is_directory()) {
            static_cast<RamfsDirectory&>(*old_target).detach_locked();
            --target.m_nlink;
        } else {
            --old_target->m_nlink;
        }
        target.touch_locked();
    } else {
        TRY(target.insert_locked(new_name, node));
    }
    // The insert may have moved our entries (same directory): find it again.
    usize index = index_of_locked(old_name);
    KASSERT(index < m_entries.size());
    m_entries.remove(index);
    touch_locked();
    if (moving_directory && &target != this) {
        --m_nlink;
        ++target.m_nlink;
        static_cast<RamfsDirectory&>(*node).m_parent = &target;
    }
    node->touch_locked();
    return {};
}

Result<usize> RamfsDirectory::readdir(u64& cookie, DirectoryEntry* entries, usize capacity)
{
    MutexLocker locker(context().lock);
    usize filled = 0;
    while (filled < capacity && cookie < FIRST_ENTRY_COOKIE) {
        if (cookie == 0) {
            entries[filled++].set(inode(), VnodeKind::Directory, "."_sv);
        } else {
            u64 parent_inode = m_parent ? m_parent->inode() : inode();
            entries[filled++].set(parent_inode, VnodeKind::Directory, ".."_sv);
        }
        ++cookie;
    }
    // Entries are in cookie order: skip those already returned.
    usize i = 0;
    while (i < m_entries.size() && m_entries[i].cookie < cookie)
        ++i;
    for (; i < m_entries.size() && filled < capacity; ++i) {
        Entry const& entry = m_entries[i];
        entries[filled++].set(entry.node->inode(), entry.node->kind(), entry.name.view());
        cookie = entry.cookie + 1;
    }
    return filled;
}
