// Vfs: the file namespace of this node — a root file system, the mount table
// and the path operations the syscall layer calls (open, mkdir, unlink, rmdir,
// rename, stat, chdir, getcwd, mount). Paths are kernel strings by now: the
// syscall layer copied them from user memory; umask is applied by the caller.
#pragma once

#include "fs/vfs/credentials.h"
#include "fs/vfs/file_system.h"
#include "fs/vfs/mount_table.h"
#include "fs/vfs/open_file_description.h"
#include "fs/vfs/path_lookup.h"
#include "kernel/lib/own_ptr.h"

// Locks: none of its own (the mount table and each file system have theirs);
// every method may sleep. Permission checks happen here, before the vnode ops.
class Vfs {
public:
    static Result<OwnPtr<Vfs>> create(NonnullRefPtr<FileSystem> root_file_system);

    NonnullRefPtr<Vnode> root() const { return m_root; }
    MountTable& mounts() { return m_mounts; }

    // Mounts file_system over the directory at path. PermissionDenied unless
    // root; NotDirectory; Busy for "/", a mount point (nothing stacks) or a file
    // system mounted already.
    Result<void> mount(StringView path, NonnullRefPtr<FileSystem> file_system, Credentials const& credentials,
        Vnode& cwd);
    // Unmounts the file system whose root path names. InvalidArgument if path
    // is not a mounted root.
    Result<void> unmount(StringView path, Credentials const& credentials, Vnode& cwd);

    Result<NonnullRefPtr<Vnode>> resolve(StringView path, Vnode& cwd, Credentials const& credentials,
        u32 flags = 0);
    Result<PathLookup::Parent> resolve_parent(StringView path, Vnode& cwd, Credentials const& credentials);

    // open(2): flags are OpenFlag bits; mode (permission bits, umask applied) is
    // used when Create makes the file. Exists with Create|Exclusive on an
    // existing name; IsDirectory for a directory opened for writing or with
    // Create;
    // NotDirectory for Directory on a non-directory; AccessDenied per mode bits.
    Result<NonnullRefPtr<OpenFileDescription>> open(StringView path, u32 flags, u32 mode,
        Credentials const& credentials, Vnode& cwd);
    Result<void> mkdir(StringView path, u32 mode, Credentials const& credentials, Vnode& cwd);
    Result<void> unlink(StringView path, Credentials const& credentials, Vnode& cwd);
    Result<void> rmdir(StringView path, Credentials const& credentials, Vnode& cwd);
    // CrossDevice (EXDEV) when the two names are on different file systems.
    Result<void> rename(StringView old_path, StringView new_path, Credentials const& credentials, Vnode& cwd);
    Result<VnodeStat> stat(StringView path, Credentials const& credentials, Vnode& cwd);
    // chmod(2): PermissionDenied unless the owner or root.
    Result<void> chmod(StringView path, u32 mode, Credentials const& credentials, Vnode& cwd);

    // chdir(2): the directory to become the new cwd (NotDirectory, AccessDenied
    // without search permission).
    Result<NonnullRefPtr<Vnode>> chdir(StringView path, Credentials const& credentials, Vnode& cwd);
    // getcwd(2): writes the absolute path of directory and a NUL into buffer;
    // returns its length. OutOfRange (ERANGE) if size is too small; NoEntry if
    // the directory was removed.
    Result<usize> getcwd(Vnode& directory, char* buffer, usize size);

private:
    explicit Vfs(NonnullRefPtr<FileSystem> root_file_system);

    // The vnode named name in directory, without entering mounts (what an
    // unlink, rmdir or rename would remove).
    Result<NonnullRefPtr<Vnode>> lookup_entry(Vnode& directory, StringView name);
    static Result<void> check_can_modify(Vnode& directory, Credentials const& credentials);
    Result<NonnullRefPtr<Vnode>> open_or_create(StringView path, u32 flags, u32 mode,
        Credentials const& credentials, Vnode& cwd, bool& created);
    // Finds the name under which child (a directory) appears in parent.
    Result<void> name_in_parent(Vnode& parent, Vnode& child, DirectoryEntry& out);

    NonnullRefPtr<FileSystem> m_root_file_system;
    NonnullRefPtr<Vnode> m_root;
    MountTable m_mounts;
    PathLookup m_lookup;
};
