// Procfs: instance creation.
#include "fs/procfs/procfs.h"

Result<NonnullRefPtr<Procfs>> Procfs::create(OwnPtr<ProcessInfoProvider> processes,
    OwnPtr<SystemInfoProvider> system)
{
    if (!processes || !system)
        return Error::InvalidArgument;
    auto fs = TRY(adopt_ref_if_nonnull(new (std::nothrow) Procfs()));
    auto context = TRY(ProcfsContext::create(fs->id(), std::move(processes), std::move(system)));
    fs->m_root = TRY(ProcfsRootDirectory::create(std::move(context)));
    return fs;
}
