// PathLookup: the component walk. Components are views into the caller's path;
// nothing is copied or allocated beyond the vnode references themselves.
#include "fs/vfs/path_lookup.h"

Result<void> PathLookup::check_path_length(StringView path)
{
    if (path.is_empty())
        return Error::NoEntry;
    if (path.length() >= PATH_MAX_LENGTH)
        return Error::NameTooLong;
    return {};
}

Result<NonnullRefPtr<Vnode>> PathLookup::step(Vnode& directory, StringView name, Credentials const& credentials)
{
    if (!directory.is_directory())
        return Error::NotDirectory;
    if (name.length() > NAME_MAX_LENGTH)
        return Error::NameTooLong;
    VnodeStat stat = TRY(directory.stat());
    TRY(credentials.check_access(stat, Access::Execute));

    if (name == "."_sv)
        return NonnullRefPtr<Vnode>(directory);
    if (name == ".."_sv) {
        NonnullRefPtr<Vnode> current(directory);
        // Out of a mounted root: continue from the directory it covers.
        for (;;) {
            if (current->is_same(*m_root))
                return m_root;
            RefPtr<Vnode> under = m_mounts.mount_point_under(*current);
            if (!under)
                break;
            current = under.release_nonnull();
        }
        return current->lookup(".."_sv);
    }

    NonnullRefPtr<Vnode> child = TRY(directory.lookup(name));
    while (RefPtr<Vnode> covering = m_mounts.root_covering(*child))
        child = covering.release_nonnull();
    return child;
}

Result<NonnullRefPtr<Vnode>> PathLookup::resolve(StringView path, Vnode& cwd, Credentials const& credentials,
    u32 flags)
{
    TRY(check_path_length(path));
    NonnullRefPtr<Vnode> current = path[0] == '/' ? m_root : NonnullRefPtr<Vnode>(cwd);
    usize i = 0;
    while (i < path.length()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        usize end = i;
        while (end < path.length() && path[end] != '/')
            ++end;
        StringView component = path.substring(i, end - i);
        current = TRY(step(*current, component, credentials));
        i = end;
    }
    bool trailing_slash = path[path.length() - 1] == '/';
    if ((trailing_slash || (flags & ResolveFlag::MustBeDirectory)) && !current->is_directory())
        return Error::NotDirectory;
    return current;
}

Result<PathLookup::Parent> PathLookup::resolve_parent(StringView path, Vnode& cwd, Credentials const& credentials)
{
    TRY(check_path_length(path));
    usize end = path.length();
    while (end > 0 && path[end - 1] == '/')
        --end;
    bool trailing_slash = end < path.length();
    if (end == 0) // only slashes: the root itself
        return Parent { m_root, StringView(), trailing_slash };

    usize start = end;
    while (start > 0 && path[start - 1] != '/')
        --start;
    StringView name = path.substring(start, end - start);
    if (name.length() > NAME_MAX_LENGTH)
        return Error::NameTooLong;

    NonnullRefPtr<Vnode> directory = NonnullRefPtr<Vnode>(cwd);
    if (start > 0)
        directory = TRY(resolve(path.substring(0, start), cwd, credentials, ResolveFlag::MustBeDirectory));
    if (!directory->is_directory())
        return Error::NotDirectory;
    VnodeStat stat = TRY(directory->stat());
    TRY(credentials.check_access(stat, Access::Execute));
    return Parent { std::move(directory), name, trailing_slash };
}
