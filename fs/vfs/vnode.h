// Vnode: one file, directory or device as the VFS sees it, whatever file system
// (or, later, whatever node of the cluster) holds it. The virtual functions are
// the ops table; every op returns a Result so a remote vnode can report errors.
#pragma once

#include "fs/vfs/file_flags.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

struct Credentials;
class OpenFileDescription;

enum class VnodeKind : u8 { Regular, Directory, CharDevice, Fifo, Symlink, Socket };

// The S_IFMT bits for a kind, and back (InvalidArgument for unknown types).
u32 file_type_bits(VnodeKind kind);
Result<VnodeKind> vnode_kind_from_mode(u32 mode);

// What stat() reports. Kernel-side layout; the syscall layer converts it into
// newlib's struct stat.
struct VnodeStat {
    u32 fs_id { 0 };       // st_dev
    u64 inode { 0 };       // st_ino
    u32 mode { 0 };        // type bits | permission bits
    u32 nlink { 0 };
    u32 uid { 0 };
    u32 gid { 0 };
    u32 rdev { 0 };        // device number of a character device
    u64 size { 0 };
    u64 mtime { 0 };       // seconds (see file_clock.h)
    u32 block_size { 0 };
    u64 blocks { 0 };      // 512-byte blocks allocated
};

// One directory entry as readdir() hands it out.
struct DirectoryEntry {
    u64 inode { 0 };
    VnodeKind kind { VnodeKind::Regular };
    u8 name_length { 0 };
    char name[NAME_MAX_LENGTH + 1] {};

    StringView name_view() const { return { name, name_length }; }
    // name must be at most NAME_MAX_LENGTH characters (longer is cut).
    void set(u64 inode, VnodeKind kind, StringView name);
};

// poll() readiness bits, with newlib's POLLIN/POLLOUT/POLLERR/POLLHUP values.
namespace PollEvent {
inline constexpr u32 Readable = 0x1;
inline constexpr u32 Writable = 0x4;
inline constexpr u32 Error = 0x8;
inline constexpr u32 HangUp = 0x10;
} // namespace PollEvent

// Per-open private state a vnode may hang on an OpenFileDescription in open()
// (a log cursor, a terminal's reader state); destroyed with the description.
class OpenFileState {
public:
    virtual ~OpenFileState() = default;
};

// Locks: each file system guards its own vnodes; callers hold no VFS lock across
// an op, and an op may sleep (a remote op waits for its reply). Ops are called
// only after the VFS checked permissions: file systems do not check them again.
// Defaults answer as a vnode of the wrong kind would (ENOTDIR, EISDIR, ENOTTY).
class Vnode : public RefCounted<Vnode> {
public:
    virtual ~Vnode() = default;

    VnodeKind kind() const { return m_kind; }
    bool is_directory() const { return m_kind == VnodeKind::Directory; }
    bool is_regular() const { return m_kind == VnodeKind::Regular; }
    // Identity: (file system, inode) names one file even when a file system
    // (a remote one) hands out several Vnode objects for it.
    u32 fs_id() const { return m_fs_id; }
    u64 inode() const { return m_inode; }
    bool is_same(Vnode const& other) const { return m_fs_id == other.m_fs_id && m_inode == other.m_inode; }
    // Regular files and directories have offsets; pipes and devices do not.
    bool is_seekable() const { return m_kind == VnodeKind::Regular || m_kind == VnodeKind::Directory; }

    // ---- metadata
    virtual Result<VnodeStat> stat() = 0;
    // Sets the permission bits (FileMode::PermissionMask) / the owner.
    virtual Result<void> set_mode(u32 permissions);
    virtual Result<void> set_owner(u32 uid, u32 gid);

    // ---- directories. name is one component: never empty, ".", ".." (except
    // lookup("..")), nor containing '/'; the VFS guarantees it.
    // lookup("..") of a file system's root returns the root itself.
    virtual Result<NonnullRefPtr<Vnode>> lookup(StringView name);
    // Creates a non-directory (Regular; others as the file system supports)
    // owned by owner. Exists (EEXIST) if name is taken.
    virtual Result<NonnullRefPtr<Vnode>> create(StringView name, VnodeKind kind, u32 permissions,
        Credentials const& owner);
    virtual Result<NonnullRefPtr<Vnode>> mkdir(StringView name, u32 permissions, Credentials const& owner);
    // Removes a non-directory entry (IsDirectory for a directory).
    virtual Result<void> unlink(StringView name);
    // Removes an empty directory (NotEmpty, NotDirectory).
    virtual Result<void> rmdir(StringView name);
    // Moves old_name here to new_name in new_directory, replacing a compatible
    // target. new_directory is on the same file system (the VFS checks, EXDEV).
    virtual Result<void> rename(StringView old_name, Vnode& new_directory, StringView new_name);
    // Fills up to capacity entries starting at cookie (0: the start) and
    // advances cookie past them; returns how many were filled, 0 at the end.
    // "." and ".." come first.
    virtual Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity);

    // ---- data
    // Called when an open file description is made for this vnode / when the
    // last reference to it goes (pipes count their ends here).
    virtual Result<void> open(OpenFileDescription& description);
    virtual void release(OpenFileDescription& description);
    // Reads up to size bytes at offset (ignored when not seekable); 0 at end of
    // file. May block, honouring description's NonBlock flag (TryAgain).
    virtual Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size);
    // Writes at offset; with description's Append flag, at the end of the file
    // instead, atomically, setting offset to where the data went. Returns the
    // bytes written.
    virtual Result<usize> write(OpenFileDescription& description, u64& offset, u8 const* data, usize size);
    virtual Result<void> truncate(u64 size);
    // Device control; argument is the raw syscall argument (a user address for
    // most requests), which the device copies through the kernel's user access.
    virtual Result<i64> ioctl(OpenFileDescription& description, u32 request, uptr argument);
    // Readiness now, as PollEvent bits. Default: always readable and writable.
    virtual u32 poll(OpenFileDescription& description);

protected:
    Vnode(VnodeKind kind, u32 fs_id, u64 inode)
        : m_kind(kind)
        , m_fs_id(fs_id)
        , m_inode(inode)
    {
    }

private:
    VnodeKind m_kind;
    u32 m_fs_id;
    u64 m_inode;
};
