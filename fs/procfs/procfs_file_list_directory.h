// ProcfsFileListDirectory: a /proc subdirectory that holds a fixed list of
// system files and nothing else — /proc/net/ (`interfaces`, `stats`) and
// /proc/cluster/ (`nodes`). The files come from the SystemInfoProvider like the
// other system files; procfs_file_kind.h lists each directory's files.
#pragma once

#include "fs/procfs/procfs_context.h"
#include "fs/procfs/procfs_file_kind.h"
#include "fs/vfs/fixed_directory.h"

// Locks: none; immutable. Made afresh by each lookup of the directory.
class ProcfsFileListDirectory final : public ImmutableDirectory {
public:
    // parent is /proc itself (what ".." names); files/file_count outlive it
    // (they are the constant tables of procfs_file_kind.h).
    static Result<NonnullRefPtr<ProcfsFileListDirectory>> create(NonnullRefPtr<ProcfsContext> context,
        NonnullRefPtr<Vnode> parent, u64 inode, ProcfsFileKind const* files, usize file_count);

    Result<VnodeStat> stat() override;
    Result<NonnullRefPtr<Vnode>> lookup(StringView name) override;
    Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity) override;

private:
    ProcfsFileListDirectory(NonnullRefPtr<ProcfsContext> context, NonnullRefPtr<Vnode> parent, u64 inode,
        ProcfsFileKind const* files, usize file_count);

    NonnullRefPtr<ProcfsContext> m_context;
    NonnullRefPtr<Vnode> m_parent;
    ProcfsFileKind const* m_files;
    usize m_file_count;
};
