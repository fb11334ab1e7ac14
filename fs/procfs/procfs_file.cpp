// ProcfsFile: rendering a snapshot at open and reading from it.
#include "fs/procfs/procfs_file.h"

#include "fs/procfs/procfs_content.h"
#include "fs/vfs/file_clock.h"
#include "kernel/lib/string.h"

namespace {

// The text of one open /proc file, fixed at open().
class ProcfsSnapshot final : public OpenFileState {
public:
    explicit ProcfsSnapshot(Vector<u8> bytes)
        : text(std::move(bytes))
    {
    }
    Vector<u8> const text;
};

} // namespace

ProcfsFile::ProcfsFile(NonnullRefPtr<ProcfsContext> context, ProcfsFileKind kind, i32 pid, u32 uid, u32 gid)
    : Vnode(VnodeKind::Regular, context->fs_id(), procfs_inode::of_file(kind, pid))
    , m_context(std::move(context))
    , m_file_kind(kind)
    , m_pid(pid)
    , m_uid(uid)
    , m_gid(gid)
{
}

Result<NonnullRefPtr<ProcfsFile>> ProcfsFile::create(NonnullRefPtr<ProcfsContext> context, ProcfsFileKind kind,
    i32 pid, u32 uid, u32 gid)
{
    return adopt_ref_if_nonnull(new (std::nothrow) ProcfsFile(std::move(context), kind, pid, uid, gid));
}

Result<VnodeStat> ProcfsFile::stat()
{
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::Regular | 0444;
    stat.nlink = 1;
    stat.uid = m_uid;
    stat.gid = m_gid;
    stat.mtime = file_clock_now(); // generated now, as Linux reports
    stat.block_size = PAGE_SIZE;
    return stat;
}

Result<Vector<u8>> ProcfsFile::render()
{
    TextBuffer text;
    switch (m_file_kind) {
    case ProcfsFileKind::Meminfo: {
        auto memory = TRY(m_context->system().memory());
        TRY(procfs_content::render_meminfo(memory, text));
        break;
    }
    case ProcfsFileKind::Uptime: {
        auto uptime = TRY(m_context->system().uptime());
        TRY(procfs_content::render_uptime(uptime, text));
        break;
    }
    case ProcfsFileKind::Cpuinfo: {
        auto cpus = TRY(m_context->system().cpus());
        TRY(procfs_content::render_cpuinfo(cpus, text));
        break;
    }
    case ProcfsFileKind::NetInterfaces: {
        auto interfaces = TRY(m_context->system().network_interfaces());
        TRY(procfs_content::render_net_interfaces(interfaces, text));
        break;
    }
    case ProcfsFileKind::NetStats: {
        auto stats = TRY(m_context->system().network_stats());
        TRY(procfs_content::render_net_stats(stats, text));
        break;
    }
    case ProcfsFileKind::Pci:
        return m_context->system().pci_listing();
    case ProcfsFileKind::ClusterNodes:
        return m_context->system().cluster_nodes_listing();
    case ProcfsFileKind::NetBootserver:
        return m_context->system().boot_services_listing();
    case ProcfsFileKind::ProcessStat:
    case ProcfsFileKind::ProcessStatus:
    case ProcfsFileKind::ProcessCmdline: {
        auto info = TRY(m_context->process_info(m_pid));
        if (m_file_kind == ProcfsFileKind::ProcessStat)
            TRY(procfs_content::render_stat(info, text));
        else if (m_file_kind == ProcfsFileKind::ProcessStatus)
            TRY(procfs_content::render_status(info, text));
        else
            TRY(procfs_content::render_cmdline(info, text));
        break;
    }
    }
    return text.release_bytes();
}

Result<void> ProcfsFile::open(OpenFileDescription& description)
{
    if (description.is_writable())
        return Error::AccessDenied;
    auto text = TRY(render());
    auto snapshot = TRY(make_own<ProcfsSnapshot>(std::move(text)));
    description.set_state(std::move(snapshot));
    return {};
}

Result<usize> ProcfsFile::read(OpenFileDescription& description, u64 offset, u8* buffer, usize size)
{
    auto* snapshot = static_cast<ProcfsSnapshot*>(description.state());
    if (!snapshot)
        return Error::BadFd;
    Vector<u8> const& text = snapshot->text;
    if (offset >= text.size())
        return 0;
    usize available = text.size() - static_cast<usize>(offset);
    usize count = size < available ? size : available;
    memcpy(buffer, text.data() + offset, count);
    return count;
}
