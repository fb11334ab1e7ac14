// ProcfsProcessDirectory: the fixed entries of /proc/<pid>/.
#include "fs/procfs/procfs_process_directory.h"

#include "fs/procfs/procfs_file.h"
#include "fs/procfs/procfs_file_kind.h"
#include "fs/vfs/file_clock.h"

namespace {
constexpr usize PROCESS_FILE_COUNT = sizeof(PROCFS_PROCESS_FILES) / sizeof(PROCFS_PROCESS_FILES[0]);
}

ProcfsProcessDirectory::ProcfsProcessDirectory(NonnullRefPtr<ProcfsContext> context, NonnullRefPtr<Vnode> parent,
    i32 pid, u32 uid, u32 gid)
    : ImmutableDirectory(context->fs_id(), procfs_inode::of_process_directory(pid))
    , m_context(std::move(context))
    , m_parent(std::move(parent))
    , m_pid(pid)
    , m_uid(uid)
    , m_gid(gid)
{
}

Result<NonnullRefPtr<ProcfsProcessDirectory>> ProcfsProcessDirectory::create(NonnullRefPtr<ProcfsContext> context,
    NonnullRefPtr<Vnode> parent, i32 pid, u32 uid, u32 gid)
{
    return adopt_ref_if_nonnull(
        new (std::nothrow) ProcfsProcessDirectory(std::move(context), std::move(parent), pid, uid, gid));
}

Result<VnodeStat> ProcfsProcessDirectory::stat()
{
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::Directory | 0555;
    stat.nlink = 2;
    stat.uid = m_uid;
    stat.gid = m_gid;
    stat.mtime = file_clock_now();
    stat.block_size = PAGE_SIZE;
    return stat;
}

Result<NonnullRefPtr<Vnode>> ProcfsProcessDirectory::lookup(StringView name)
{
    if (name == ".."_sv)
        return m_parent;
    if (name == "."_sv)
        return NonnullRefPtr<Vnode>(*this);
    for (ProcfsFileKind kind : PROCFS_PROCESS_FILES) {
        if (name != procfs_file_name(kind))
            continue;
        // A directory looked up before the process exited must not hand out
        // files of a process that is gone (nor of a later one with its PID).
        auto info = TRY(m_context->process_info(m_pid));
        auto file = TRY(ProcfsFile::create(m_context, kind, m_pid, info.uid, info.gid));
        return NonnullRefPtr<Vnode>(*file);
    }
    return Error::NoEntry;
}

Result<usize> ProcfsProcessDirectory::readdir(u64& cookie, DirectoryEntry* entries, usize capacity)
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
    while (filled < capacity && cookie - 2 < PROCESS_FILE_COUNT) {
        ProcfsFileKind kind = PROCFS_PROCESS_FILES[cookie - 2];
        entries[filled++].set(procfs_inode::of_file(kind, m_pid), VnodeKind::Regular, procfs_file_name(kind));
        ++cookie;
    }
    return filled;
}
