// Ramfs: the read-write in-memory file system (the root file system, filled
// from the initrd). Files are page-chunked with holes; directories are name ->
// vnode lists. Its vnodes live as long as someone references them, mounted or not.
#pragma once

#include "fs/ramfs/ramfs_context.h"
#include "fs/ramfs/ramfs_directory.h"
#include "fs/vfs/file_system.h"

class Ramfs final : public FileSystem {
public:
    // The root directory gets root_permissions and is owned by uid:gid.
    static Result<NonnullRefPtr<Ramfs>> create(u32 root_permissions = 0755, u32 uid = 0, u32 gid = 0);

    char const* name() const override { return "ramfs"; }
    NonnullRefPtr<Vnode> root() override { return NonnullRefPtr<Vnode>(*m_root); }

private:
    Ramfs() = default;

    RefPtr<RamfsContext> m_context;
    RefPtr<RamfsDirectory> m_root; // set by create(), never null afterwards
};
