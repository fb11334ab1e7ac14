// Vfs: the path operations. Each resolves its path, checks permissions against
// the directories and files involved, then calls the vnode ops.
#include "fs/vfs/vfs.h"

#include "kernel/lib/string.h"

namespace {

bool is_dot_or_dot_dot(StringView name) { return name == "."_sv || name == ".."_sv; }

} // namespace

Vfs::Vfs(NonnullRefPtr<FileSystem> root_file_system)
    : m_root_file_system(std::move(root_file_system))
    , m_root(m_root_file_system->root())
    , m_lookup(m_mounts, m_root)
{
}

Result<OwnPtr<Vfs>> Vfs::create(NonnullRefPtr<FileSystem> root_file_system)
{
    return adopt_own_if_nonnull(new (std::nothrow) Vfs(std::move(root_file_system)));
}

Result<void> Vfs::mount(StringView path, NonnullRefPtr<FileSystem> file_system, Credentials const& credentials,
    Vnode& cwd)
{
    if (!credentials.is_superuser())
        return Error::PermissionDenied;
    auto mount_point = TRY(resolve(path, cwd, credentials, ResolveFlag::MustBeDirectory));
    // One file system per directory: no mounting over the root or over a
    // mounted root (stacking would make unmount ambiguous).
    if (mount_point->is_same(*m_root) || file_system->id() == m_root_file_system->id()
        || m_mounts.mount_point_under(*mount_point))
        return Error::Busy;
    return m_mounts.add(std::move(mount_point), std::move(file_system));
}

Result<void> Vfs::unmount(StringView path, Credentials const& credentials, Vnode& cwd)
{
    if (!credentials.is_superuser())
        return Error::PermissionDenied;
    auto root = TRY(resolve(path, cwd, credentials));
    return m_mounts.remove_by_root(*root);
}

Result<NonnullRefPtr<Vnode>> Vfs::resolve(StringView path, Vnode& cwd, Credentials const& credentials, u32 flags)
{
    return m_lookup.resolve(path, cwd, credentials, flags);
}

Result<PathLookup::Parent> Vfs::resolve_parent(StringView path, Vnode& cwd, Credentials const& credentials)
{
    return m_lookup.resolve_parent(path, cwd, credentials);
}

Result<NonnullRefPtr<Vnode>> Vfs::lookup_entry(Vnode& directory, StringView name)
{
    return directory.lookup(name);
}

Result<void> Vfs::check_can_modify(Vnode& directory, Credentials const& credentials)
{
    VnodeStat stat = TRY(directory.stat());
    return credentials.check_access(stat, Access::Write | Access::Execute);
}

Result<NonnullRefPtr<Vnode>> Vfs::open_or_create(StringView path, u32 flags, u32 mode,
    Credentials const& credentials, Vnode& cwd, bool& created)
{
    created = false;
    if (!(flags & OpenFlag::Create))
        return resolve(path, cwd, credentials);

    auto parent = TRY(resolve_parent(path, cwd, credentials));
    if (parent.name.is_empty() || is_dot_or_dot_dot(parent.name)) {
        // Names an existing directory ("/", "a/.."): O_CREAT never opens one.
        if (flags & OpenFlag::Exclusive)
            return Error::Exists;
        return Error::IsDirectory;
    }
    // Two tries: another thread may create the name between lookup and create.
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto existing = m_lookup.step(*parent.directory, parent.name, credentials);
        if (!existing.is_error()) {
            if (flags & OpenFlag::Exclusive)
                return Error::Exists;
            auto vnode = existing.release_value();
            if (vnode->is_directory())
                return Error::IsDirectory; // O_CREAT never opens a directory
            if (parent.trailing_slash)
                return Error::NotDirectory;
            return vnode;
        }
        if (existing.error() != Error::NoEntry)
            return existing.error();
        if (parent.trailing_slash)
            return Error::IsDirectory;
        TRY(check_can_modify(*parent.directory, credentials));
        auto made = parent.directory->create(parent.name, VnodeKind::Regular, mode & FileMode::PermissionMask,
            credentials);
        if (!made.is_error()) {
            created = true;
            return made.release_value();
        }
        if (made.error() != Error::Exists)
            return made.error();
    }
    return Error::Exists;
}

Result<NonnullRefPtr<OpenFileDescription>> Vfs::open(StringView path, u32 flags, u32 mode,
    Credentials const& credentials, Vnode& cwd)
{
    u32 access_mode = flags & OpenFlag::AccessModeMask;
    if (access_mode == OpenFlag::AccessModeMask)
        return Error::InvalidArgument;
    bool created = false;
    auto vnode = TRY(open_or_create(path, flags, mode, credentials, cwd, created));

    if ((flags & OpenFlag::Directory) && !vnode->is_directory())
        return Error::NotDirectory;
    if (vnode->is_directory() && (access_mode != OpenFlag::ReadOnly || (flags & OpenFlag::Truncate)))
        return Error::IsDirectory;
    if (!created) {
        u32 wanted = 0;
        if (access_mode != OpenFlag::WriteOnly)
            wanted |= Access::Read;
        if (access_mode != OpenFlag::ReadOnly || (flags & OpenFlag::Truncate))
            wanted |= Access::Write;
        VnodeStat stat = TRY(vnode->stat());
        TRY(credentials.check_access(stat, wanted));
        if ((flags & OpenFlag::Truncate) && vnode->is_regular())
            TRY(vnode->truncate(0));
    }
    return OpenFileDescription::create(std::move(vnode), flags);
}

Result<void> Vfs::mkdir(StringView path, u32 mode, Credentials const& credentials, Vnode& cwd)
{
    auto parent = TRY(resolve_parent(path, cwd, credentials));
    if (parent.name.is_empty() || is_dot_or_dot_dot(parent.name))
        return Error::Exists;
    TRY(check_can_modify(*parent.directory, credentials));
    TRY(parent.directory->mkdir(parent.name, mode & FileMode::PermissionMask, credentials));
    return {};
}

Result<void> Vfs::unlink(StringView path, Credentials const& credentials, Vnode& cwd)
{
    auto parent = TRY(resolve_parent(path, cwd, credentials));
    if (parent.name.is_empty() || is_dot_or_dot_dot(parent.name))
        return Error::IsDirectory;
    auto victim = TRY(lookup_entry(*parent.directory, parent.name));
    if (m_mounts.is_mount_point(*victim))
        return Error::Busy;
    if (victim->is_directory())
        return Error::IsDirectory;
    if (parent.trailing_slash)
        return Error::NotDirectory;
    TRY(check_can_modify(*parent.directory, credentials));
    return parent.directory->unlink(parent.name);
}

Result<void> Vfs::rmdir(StringView path, Credentials const& credentials, Vnode& cwd)
{
    auto parent = TRY(resolve_parent(path, cwd, credentials));
    if (parent.name.is_empty())
        return Error::Busy;
    if (parent.name == "."_sv)
        return Error::InvalidArgument;
    if (parent.name == ".."_sv)
        return Error::NotEmpty;
    auto victim = TRY(lookup_entry(*parent.directory, parent.name));
    if (!victim->is_directory())
        return Error::NotDirectory;
    if (m_mounts.is_mount_point(*victim))
        return Error::Busy;
    TRY(check_can_modify(*parent.directory, credentials));
    return parent.directory->rmdir(parent.name);
}

Result<void> Vfs::rename(StringView old_path, StringView new_path, Credentials const& credentials, Vnode& cwd)
{
    auto from = TRY(resolve_parent(old_path, cwd, credentials));
    auto to = TRY(resolve_parent(new_path, cwd, credentials));
    if (from.name.is_empty() || to.name.is_empty())
        return Error::Busy;
    if (is_dot_or_dot_dot(from.name) || is_dot_or_dot_dot(to.name))
        return Error::InvalidArgument;
    auto moving = TRY(lookup_entry(*from.directory, from.name));
    if (m_mounts.is_mount_point(*moving))
        return Error::Busy;
    if ((from.trailing_slash || to.trailing_slash) && !moving->is_directory())
        return Error::NotDirectory;
    auto target = lookup_entry(*to.directory, to.name);
    if (!target.is_error() && m_mounts.is_mount_point(*target.value()))
        return Error::Busy;
    if (target.is_error() && target.error() != Error::NoEntry)
        return target.error();
    if (from.directory->fs_id() != to.directory->fs_id())
        return Error::CrossDevice;
    TRY(check_can_modify(*from.directory, credentials));
    TRY(check_can_modify(*to.directory, credentials));
    return from.directory->rename(from.name, *to.directory, to.name);
}

Result<VnodeStat> Vfs::stat(StringView path, Credentials const& credentials, Vnode& cwd)
{
    auto vnode = TRY(resolve(path, cwd, credentials));
    return vnode->stat();
}

Result<void> Vfs::chmod(StringView path, u32 mode, Credentials const& credentials, Vnode& cwd)
{
    auto vnode = TRY(resolve(path, cwd, credentials));
    VnodeStat stat = TRY(vnode->stat());
    if (!credentials.is_superuser() && credentials.uid != stat.uid)
        return Error::PermissionDenied;
    return vnode->set_mode(mode & FileMode::PermissionMask);
}

Result<NonnullRefPtr<Vnode>> Vfs::chdir(StringView path, Credentials const& credentials, Vnode& cwd)
{
    auto directory = TRY(resolve(path, cwd, credentials, ResolveFlag::MustBeDirectory));
    VnodeStat stat = TRY(directory->stat());
    TRY(credentials.check_access(stat, Access::Execute));
    return directory;
}

Result<void> Vfs::name_in_parent(Vnode& parent, Vnode& child, DirectoryEntry& out)
{
    constexpr usize BATCH = 4;
    DirectoryEntry entries[BATCH];
    u64 cookie = 0;
    for (;;) {
        usize count = TRY(parent.readdir(cookie, entries, BATCH));
        if (count == 0)
            return Error::NoEntry;
        for (usize i = 0; i < count; ++i) {
            if (entries[i].inode == child.inode() && !is_dot_or_dot_dot(entries[i].name_view())) {
                out = entries[i];
                return {};
            }
        }
    }
}

Result<usize> Vfs::getcwd(Vnode& directory, char* buffer, usize size)
{
    if (!directory.is_directory())
        return Error::NotDirectory;
    // Built right to left; on the heap because kernel stacks are small.
    char* scratch = new (std::nothrow) char[PATH_MAX_LENGTH];
    if (!scratch)
        return Error::NoMemory;
    struct ScratchFree {
        char* p;
        ~ScratchFree() { delete[] p; }
    } scratch_free { scratch };

    usize start = PATH_MAX_LENGTH;
    NonnullRefPtr<Vnode> current(directory);
    DirectoryEntry entry;
    while (!current->is_same(*m_root)) {
        if (RefPtr<Vnode> under = m_mounts.mount_point_under(*current)) {
            current = under.release_nonnull();
            continue;
        }
        auto parent = TRY(current->lookup(".."_sv));
        if (parent->is_same(*current))
            return Error::NoEntry; // a detached or unmounted tree
        TRY(name_in_parent(*parent, *current, entry));
        usize length = entry.name_length;
        if (start < length + 1)
            return Error::NameTooLong;
        start -= length;
        memcpy(scratch + start, entry.name, length);
        scratch[--start] = '/';
        current = std::move(parent);
    }
    if (start == PATH_MAX_LENGTH)
        scratch[--start] = '/';
    usize length = PATH_MAX_LENGTH - start;
    if (length + 1 > size)
        return Error::OutOfRange;
    memcpy(buffer, scratch + start, length);
    buffer[length] = '\0';
    return length;
}
