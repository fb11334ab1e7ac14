// ProcfsFileListDirectory: a fixed list of system files under /proc.
#include "fs/procfs/procfs_file_list_directory.h"

#include "fs/procfs/procfs_file.h"
#include "fs/procfs/procfs_directory.h"

ProcfsFileListDirectory::ProcfsFileListDirectory(NonnullRefPtr<ProcfsContext> context, NonnullRefPtr<Vnode> parent,
    u64 inode, ProcfsFileKind const* files, usize file_count)
    : ImmutableDirectory(context->fs_id(), inode)
    , m_context(std::move(context))
    , m_parent(std::move(parent))
    , m_files(files)
    , m_file_count(file_count)
{
}

Result<NonnullRefPtr<ProcfsFileListDirectory>> ProcfsFileListDirectory::create(NonnullRefPtr<ProcfsContext> context,
    NonnullRefPtr<Vnode> parent, u64 inode, ProcfsFileKind const* files, usize file_count)
{
    return adopt_ref_if_nonnull(new (std::nothrow)
            ProcfsFileListDirectory(std::move(context), std::move(parent), inode, files, file_count));
}

Result<VnodeStat> ProcfsFileListDirectory::stat()
{
    return procfs_directory_stat(fs_id(), inode());
}

Result<NonnullRefPtr<Vnode>> ProcfsFileListDirectory::lookup(StringView name)
{
    if (name == ".."_sv)
        return m_parent;
    if (name == "."_sv)
        return NonnullRefPtr<Vnode>(*this);
    for (usize i = 0; i < m_file_count; ++i) {
        if (name == procfs_file_name(m_files[i])) {
            auto file = TRY(ProcfsFile::create(m_context, m_files[i], 0, 0, 0));
            return NonnullRefPtr<Vnode>(*file);
        }
    }
    return Error::NoEntry;
}

Result<usize> ProcfsFileListDirectory::readdir(u64& cookie, DirectoryEntry* entries, usize capacity)
{
    return procfs_fill_file_list(cookie, entries, capacity, inode(), m_parent->inode(), m_files, m_file_count, 0);
}
