// Procfs: the read-only /proc file system. It knows no process table: every
// directory and file is generated from a ProcessInfoProvider and a
// SystemInfoProvider, which is what lets the cluster feed it every node's
// processes (docs/procfs.md).
#pragma once

#include "fs/procfs/procfs_context.h"
#include "fs/procfs/procfs_root_directory.h"
#include "fs/vfs/file_system.h"

class Procfs final : public FileSystem {
public:
    // Takes both providers (InvalidArgument if either is null); they live as
    // long as the last procfs vnode.
    static Result<NonnullRefPtr<Procfs>> create(OwnPtr<ProcessInfoProvider> processes,
        OwnPtr<SystemInfoProvider> system);

    char const* name() const override { return "procfs"; }
    NonnullRefPtr<Vnode> root() override { return NonnullRefPtr<Vnode>(*m_root); }

private:
    Procfs() = default;

    RefPtr<ProcfsRootDirectory> m_root; // set by create(), never null afterwards
};
