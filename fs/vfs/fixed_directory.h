// FixedDirectory: a directory whose entries only its file system changes
// (procfs, devfs): every namespace change from a caller is refused with EPERM.
// Derive from it and implement stat, lookup and readdir.
#pragma once

#include "fs/vfs/vnode.h"

class FixedDirectory : public Vnode {
public:
    Result<NonnullRefPtr<Vnode>> create(StringView, VnodeKind, u32, Credentials const&) override
    {
        return Error::PermissionDenied;
    }
    Result<NonnullRefPtr<Vnode>> mkdir(StringView, u32, Credentials const&) override
    {
        return Error::PermissionDenied;
    }
    Result<void> unlink(StringView) override { return Error::PermissionDenied; }
    Result<void> rmdir(StringView) override { return Error::PermissionDenied; }
    Result<void> rename(StringView, Vnode&, StringView) override { return Error::PermissionDenied; }

protected:
    FixedDirectory(u32 fs_id, u64 inode)
        : Vnode(VnodeKind::Directory, fs_id, inode)
    {
    }
};

// A FixedDirectory whose mode and owner are fixed too (procfs).
class ImmutableDirectory : public FixedDirectory {
public:
    Result<void> set_mode(u32) override { return Error::PermissionDenied; }
    Result<void> set_owner(u32, u32) override { return Error::PermissionDenied; }

protected:
    using FixedDirectory::FixedDirectory;
};
