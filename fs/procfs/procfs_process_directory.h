// ProcfsProcessDirectory: /proc/<pid>/ — stat, status and cmdline of one
// process. Made afresh by each lookup of /proc/<pid>, owned by the process's
// uid:gid as they were then; its files ask the provider again when opened.
#pragma once

#include "fs/procfs/procfs_context.h"
#include "fs/vfs/fixed_directory.h"

// Locks: none; immutable after creation.
class ProcfsProcessDirectory final : public ImmutableDirectory {
public:
    // parent is /proc itself (what ".." names).
    static Result<NonnullRefPtr<ProcfsProcessDirectory>> create(NonnullRefPtr<ProcfsContext> context,
        NonnullRefPtr<Vnode> parent, i32 pid, u32 uid, u32 gid);

    i32 pid() const { return m_pid; }

    Result<VnodeStat> stat() override;
    // NoEntry for unknown names, and for every name once the process is gone.
    Result<NonnullRefPtr<Vnode>> lookup(StringView name) override;
    Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity) override;

private:
    ProcfsProcessDirectory(NonnullRefPtr<ProcfsContext> context, NonnullRefPtr<Vnode> parent, i32 pid, u32 uid,
        u32 gid);

    NonnullRefPtr<ProcfsContext> m_context;
    NonnullRefPtr<Vnode> m_parent;
    i32 m_pid;
    u32 m_uid;
    u32 m_gid;
};
