// ProcfsContext: what every vnode of one procfs instance shares — the file
// system id and the two providers. Vnodes hold it (not the Procfs), so a file
// still open after an unmount keeps its providers alive.
#pragma once

#include "fs/procfs/process_info_provider.h"
#include "fs/procfs/system_info_provider.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"

// Locks: none; immutable after create(). The providers guard themselves.
class ProcfsContext : public RefCounted<ProcfsContext> {
public:
    static Result<NonnullRefPtr<ProcfsContext>> create(u32 fs_id, OwnPtr<ProcessInfoProvider> processes,
        OwnPtr<SystemInfoProvider> system)
    {
        if (!processes || !system)
            return Error::InvalidArgument;
        return adopt_ref_if_nonnull(new (std::nothrow) ProcfsContext(fs_id, std::move(processes), std::move(system)));
    }

    u32 fs_id() const { return m_fs_id; }
    ProcessInfoProvider& processes() const { return *m_processes; }
    SystemInfoProvider& system() const { return *m_system; }

    // The provider's answer for pid, with "no such process" in either spelling
    // (NoSuchProcess, NoEntry) turned into NoEntry: a vanished process is a
    // missing file.
    Result<ProcessInfo> process_info(i32 pid) const
    {
        auto info = m_processes->info(pid);
        if (info.is_error())
            return info.error() == Error::NoSuchProcess ? Error::NoEntry : info.error();
        return info.release_value();
    }

private:
    ProcfsContext(u32 fs_id, OwnPtr<ProcessInfoProvider> processes, OwnPtr<SystemInfoProvider> system)
        : m_fs_id(fs_id)
        , m_processes(std::move(processes))
        , m_system(std::move(system))
    {
    }

    u32 m_fs_id;
    OwnPtr<ProcessInfoProvider> m_processes;
    OwnPtr<SystemInfoProvider> m_system;
};
