// ProcfsClusterDirectory: the fixed entries of /proc/cluster/.
#include "fs/procfs/procfs_cluster_directory.h"

#include "fs/procfs/procfs_file.h"
#include "fs/procfs/procfs_file_kind.h"
#include "fs/vfs/file_clock.h"

namespace {
constexpr usize CLUSTER_FILE_COUNT = sizeof(PROCFS_CLUSTER_FILES) / sizeof(PROCFS_CLUSTER_FILES[0]);
}

ProcfsClusterDirectory::ProcfsClusterDirectory(NonnullRefPtr<ProcfsContext> context, NonnullRefPtr<Vnode> parent)
    : Vnode(VnodeKind::Directory, context->fs_id(), procfs_inode::CLUSTER_DIRECTORY)
    , m_context(std::move(context))
    , m_parent(std::move(parent))
{
}

Result<NonnullRefPtr<ProcfsClusterDirectory>> ProcfsClusterDirectory::create(NonnullRefPtr<ProcfsContext> context,
    NonnullRefPtr<Vnode> parent)
{
    return adopt_ref_if_nonnull(new (std::nothrow) ProcfsClusterDirectory(std::move(context), std::move(parent)));
}

Result<VnodeStat> ProcfsClusterDirectory::stat()
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

Result<NonnullRefPtr<Vnode>> ProcfsClusterDirectory::lookup(StringView name)
{
    if (name == ".."_sv)
        return m_parent;
    if (name == "."_sv)
        return NonnullRefPtr<Vnode>(*this);
    for (ProcfsFileKind kind : PROCFS_CLUSTER_FILES) {
        if (name == procfs_file_name(kind)) {
            auto file = TRY(ProcfsFile::create(m_context, kind, 0, 0, 0));
            return NonnullRefPtr<Vnode>(*file);
        }
    }
    return Error::NoEntry;
}

Result<usize> ProcfsClusterDirectory::readdir(u64& cookie, DirectoryEntry* entries, usize capacity)
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
    while (filled < capacity && cookie - 2 < CLUSTER_FILE_COUNT) {
        ProcfsFileKind kind = PROCFS_CLUSTER_FILES[cookie - 2];
        entries[filled++].set(procfs_inode::of_file(kind, 0), VnodeKind::Regular, procfs_file_name(kind));
        ++cookie;
    }
    return filled;
}
