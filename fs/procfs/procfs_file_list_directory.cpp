// ProcfsFileListDirectory: a fixed list of system files under /proc.
#include "fs/procfs/procfs_file_list_directory.h"

#include "fs/procfs/procfs_file.h"
#include "fs/vfs/file_clock.h"

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
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::Directory | 0555;
    stat.nlink = 2;
    stat.mtime = file_clock_now();
    stat.block_size = PAGE_SIZE;
    return stat;
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
    // Cookies: 0 ".", 1 "..", 2 + i the i-th file.
    usize filled = 0;
    while (filled < capacity && cookie < 2) {
        if (cookie == 0)
            entries[filled++].set(inode(), VnodeKind::Directory, "."_sv);
        else
            entries[filled++].set(m_parent->inode(), VnodeKind::Directory, ".."_sv);
        ++cookie;
    }
    while (filled < capacity && cookie - 2 < m_file_count) {
        ProcfsFileKind kind = m_files[cookie - 2];
        entries[filled++].set(procfs_inode::of_file(kind, 0), VnodeKind::Regular, procfs_file_name(kind));
        ++cookie;
    }
    return filled;
}
