// PathLookup: turns a path into a vnode, one component at a time, through the
// vnodes' lookup() op. Handles "." and "..", repeated and trailing slashes,
// mount points in both directions, name-length limits and search permission.
// Symbolic links are not followed yet (no file system makes them).
#pragma once

#include "fs/vfs/credentials.h"
#include "fs/vfs/mount_table.h"
#include "fs/vfs/vnode.h"

namespace ResolveFlag {
// The result must be a directory (NotDirectory otherwise), as a trailing slash asks.
inline constexpr u32 MustBeDirectory = 1;
} // namespace ResolveFlag

// Holds no lock of its own; the caller's references keep root and mounts alive.
class PathLookup {
public:
    PathLookup(MountTable& mounts, NonnullRefPtr<Vnode> root)
        : m_mounts(mounts)
        , m_root(std::move(root))
    {
    }

    // Errors: NoEntry (missing component, or an empty path), NotDirectory (a
    // non-directory used as one, or a trailing slash after one), AccessDenied
    // (no search permission on a directory passed through), NameTooLong (a
    // component over NAME_MAX, a path of PATH_MAX or more).
    Result<NonnullRefPtr<Vnode>> resolve(StringView path, Vnode& cwd, Credentials const& credentials,
        u32 flags = 0);

    // For operations that create or remove a name: the directory that holds (or
    // will hold) the last component, and that component. name is empty when the
    // path names the root ("/", "//"); it may be "." or "..", which callers
    // refuse as each operation should. The parent has been checked for search
    // permission. name points into path.
    struct Parent {
        NonnullRefPtr<Vnode> directory;
        StringView name;
        bool trailing_slash;
    };
    Result<Parent> resolve_parent(StringView path, Vnode& cwd, Credentials const& credentials);

    // One step from directory: ".", ".." (leaving mounted roots upward, never
    // above the root) or a name (entering mounts downward). Checks search
    // permission on directory.
    Result<NonnullRefPtr<Vnode>> step(Vnode& directory, StringView name, Credentials const& credentials);

    NonnullRefPtr<Vnode> const& root() const { return m_root; }

private:
    static Result<void> check_path_length(StringView path);

    MountTable& m_mounts;
    NonnullRefPtr<Vnode> m_root;
};
