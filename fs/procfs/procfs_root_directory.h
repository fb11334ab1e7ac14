// ProcfsRootDirectory: /proc — its system files and net/, then one
// directory per process the provider lists, named by its decimal PID.
#pragma once

#include "fs/procfs/procfs_context.h"
#include "fs/vfs/fixed_directory.h"

// Locks: none; immutable. Each readdir asks the provider for the PID list
// again and resumes after the last PID handed out, so processes appearing or
// leaving between getdents calls never make it repeat or skip a survivor.
class ProcfsRootDirectory final : public ImmutableDirectory {
public:
    static Result<NonnullRefPtr<ProcfsRootDirectory>> create(NonnullRefPtr<ProcfsContext> context);

    Result<VnodeStat> stat() override;
    // NoEntry for names that are neither a file of /proc nor the canonical
    // decimal form of a live PID ("007", "+7", "-1" are not PIDs).
    Result<NonnullRefPtr<Vnode>> lookup(StringView name) override;
    Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity) override;

    // The PID a /proc entry name spells, or NoEntry.
    static Result<i32> parse_pid(StringView name);

private:
    explicit ProcfsRootDirectory(NonnullRefPtr<ProcfsContext> context);

    NonnullRefPtr<ProcfsContext> m_context;
};
