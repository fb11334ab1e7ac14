// Vnode: the default answers of the ops table, and kind/mode conversions.
#include "fs/vfs/vnode.h"

#include "kernel/lib/string.h"

u32 file_type_bits(VnodeKind kind)
{
    switch (kind) {
    case VnodeKind::Regular:
        return FileMode::Regular;
    case VnodeKind::Directory:
        return FileMode::Directory;
    case VnodeKind::CharDevice:
        return FileMode::CharDevice;
    case VnodeKind::Fifo:
        return FileMode::Fifo;
    case VnodeKind::Symlink:
        return FileMode::Symlink;
    case VnodeKind::Socket:
        return FileMode::Socket;
    }
    return 0;
}

Result<VnodeKind> vnode_kind_from_mode(u32 mode)
{
    switch (mode & FileMode::TypeMask) {
    case FileMode::Regular:
        return VnodeKind::Regular;
    case FileMode::Directory:
        return VnodeKind::Directory;
    case FileMode::CharDevice:
        return VnodeKind::CharDevice;
    case FileMode::Fifo:
        return VnodeKind::Fifo;
    case FileMode::Symlink:
        return VnodeKind::Symlink;
    case FileMode::Socket:
        return VnodeKind::Socket;
    default:
        return Error::InvalidArgument;
    }
}

void DirectoryEntry::set(u64 inode_number, VnodeKind entry_kind, StringView entry_name)
{
    inode = inode_number;
    kind = entry_kind;
    usize length = entry_name.length() < NAME_MAX_LENGTH ? entry_name.length() : NAME_MAX_LENGTH;
    memcpy(name, entry_name.characters(), length);
    name[length] = '\0';
    name_length = static_cast<u8>(length);
}

Result<void> Vnode::set_mode(u32) { return Error::NotSupported; }
Result<void> Vnode::set_owner(u32, u32) { return Error::NotSupported; }

Result<NonnullRefPtr<Vnode>> Vnode::lookup(StringView) { return Error::NotDirectory; }
Result<NonnullRefPtr<Vnode>> Vnode::create(StringView, VnodeKind, u32, Credentials const&)
{
    return Error::NotDirectory;
}
Result<NonnullRefPtr<Vnode>> Vnode::mkdir(StringView, u32, Credentials const&) { return Error::NotDirectory; }
Result<void> Vnode::unlink(StringView) { return Error::NotDirectory; }
Result<void> Vnode::rmdir(StringView) { return Error::NotDirectory; }
Result<void> Vnode::rename(StringView, Vnode&, StringView) { return Error::NotDirectory; }
Result<usize> Vnode::readdir(u64&, DirectoryEntry*, usize) { return Error::NotDirectory; }

Result<void> Vnode::open(OpenFileDescription&) { return {}; }
void Vnode::release(OpenFileDescription&) { }

Result<usize> Vnode::read(OpenFileDescription&, u64, u8*, usize)
{
    return is_directory() ? Error::IsDirectory : Error::InvalidArgument;
}
Result<usize> Vnode::write(OpenFileDescription&, u64&, u8 const*, usize)
{
    return is_directory() ? Error::IsDirectory : Error::InvalidArgument;
}
Result<void> Vnode::truncate(u64) { return is_directory() ? Error::IsDirectory : Error::InvalidArgument; }
Result<i64> Vnode::ioctl(OpenFileDescription&, u32, uptr) { return Error::NotTty; }
u32 Vnode::poll(OpenFileDescription&) { return PollEvent::Readable | PollEvent::Writable; }
