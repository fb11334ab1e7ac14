// ProcfsProcessDirectory: the fixed entries of /proc/<pid>/.
#include "fs/procfs/procfs_process_directory.h"

#include "fs/procfs/procfs_file.h"
#include "fs/procfs/procfs_file_kind.h"
#include "fs/procfs/procfs_directory.h"

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
    return procfs_directory_stat(fs_id(), inode(), m_uid, m_gid);
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
    return procfs_fill_file_list(cookie, entries, capacity, inode(), m_parent->inode(), PROCFS_PROCESS_FILES,
        PROCESS_FILE_COUNT, m_pid);
}
