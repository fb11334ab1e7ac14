// Ramfs: instance creation.
#include "fs/ramfs/ramfs.h"

Result<NonnullRefPtr<Ramfs>> Ramfs::create(u32 root_permissions, u32 uid, u32 gid)
{
    auto fs = TRY(adopt_ref_if_nonnull(new (std::nothrow) Ramfs()));
    auto context = TRY(RamfsContext::create(fs->id()));
    fs->m_root = TRY(RamfsDirectory::create(context, nullptr, root_permissions, uid, gid));
    fs->m_context = std::move(context);
    return fs;
}
