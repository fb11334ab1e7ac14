// ProcfsRootDirectory: PID names, lookup of process directories and the
// readdir that merges /proc's own files with the provider's PID list.
#include "fs/procfs/procfs_root_directory.h"

#include "fs/procfs/procfs_file.h"
#include "fs/procfs/procfs_file_kind.h"
#include "fs/procfs/procfs_directory.h"
#include "fs/procfs/procfs_file_list_directory.h"
#include "fs/procfs/procfs_process_directory.h"
#include "kernel/lib/format.h"

namespace {

constexpr usize SYSTEM_FILE_COUNT = sizeof(PROCFS_SYSTEM_FILES) / sizeof(PROCFS_SYSTEM_FILES[0]);
// Cookies: 0 ".", 1 "..", 2 + i the i-th file of /proc, then NET_COOKIE for
// /proc/net, CLUSTER_COOKIE for /proc/cluster, then FIRST_PID_COOKIE
// + pid for the entry of pid. Naming the PID (not its position) lets a later
// call resume after it whatever else changed in the list.
constexpr u64 FIRST_SYSTEM_FILE_COOKIE = 2;
constexpr u64 NET_COOKIE = FIRST_SYSTEM_FILE_COOKIE + SYSTEM_FILE_COUNT;
constexpr u64 CLUSTER_COOKIE = NET_COOKIE + 1;
constexpr u64 FIRST_PID_COOKIE = 16;
static_assert(CLUSTER_COOKIE < FIRST_PID_COOKIE);

// Heap sort: in place, no allocation, O(n log n) for a cluster's many PIDs.
void sift_down(i32* pids, usize root, usize count)
{
    for (;;) {
        usize child = 2 * root + 1;
        if (child >= count)
            return;
        if (child + 1 < count && pids[child + 1] > pids[child])
            ++child;
        if (pids[root] >= pids[child])
            return;
        i32 swapped = pids[root];
        pids[root] = pids[child];
        pids[child] = swapped;
        root = child;
    }
}

void sort_pids(i32* pids, usize count)
{
    for (usize i = count / 2; i-- > 0;)
        sift_down(pids, i, count);
    for (usize end = count; end-- > 1;) {
        i32 largest = pids[0];
        pids[0] = pids[end];
        pids[end] = largest;
        sift_down(pids, 0, end);
    }
}

} // namespace

ProcfsRootDirectory::ProcfsRootDirectory(NonnullRefPtr<ProcfsContext> context)
    : ImmutableDirectory(context->fs_id(), procfs_inode::ROOT)
    , m_context(std::move(context))
{
}

Result<NonnullRefPtr<ProcfsRootDirectory>> ProcfsRootDirectory::create(NonnullRefPtr<ProcfsContext> context)
{
    return adopt_ref_if_nonnull(new (std::nothrow) ProcfsRootDirectory(std::move(context)));
}

Result<VnodeStat> ProcfsRootDirectory::stat()
{
    return procfs_directory_stat(fs_id(), inode());
}

Result<i32> ProcfsRootDirectory::parse_pid(StringView name)
{
    // At most 10 digits (i32), no sign, no leading zero: one PID, one name.
    if (name.is_empty() || name.length() > 10 || name[0] == '0')
        return Error::NoEntry;
    u64 value = 0;
    for (char c : name) {
        if (c < '0' || c > '9')
            return Error::NoEntry;
        value = value * 10 + u64(c - '0');
    }
    if (value > u64(INT32_MAX))
        return Error::NoEntry;
    return static_cast<i32>(value);
}

Result<NonnullRefPtr<Vnode>> ProcfsRootDirectory::lookup(StringView name)
{
    if (name == "."_sv || name == ".."_sv)
        return NonnullRefPtr<Vnode>(*this);
    for (ProcfsFileKind kind : PROCFS_SYSTEM_FILES) {
        if (name == procfs_file_name(kind)) {
            auto file = TRY(ProcfsFile::create(m_context, kind, 0, 0, 0));
            return NonnullRefPtr<Vnode>(*file);
        }
    }
    if (name == "net"_sv) {
        auto directory = TRY(ProcfsFileListDirectory::create(m_context, NonnullRefPtr<Vnode>(*this),
            procfs_inode::NET_DIRECTORY, PROCFS_NET_FILES, array_size(PROCFS_NET_FILES)));
        return NonnullRefPtr<Vnode>(*directory);
    }
    if (name == "cluster"_sv) {
        auto directory = TRY(ProcfsFileListDirectory::create(m_context, NonnullRefPtr<Vnode>(*this),
            procfs_inode::CLUSTER_DIRECTORY, PROCFS_CLUSTER_FILES, array_size(PROCFS_CLUSTER_FILES)));
        return NonnullRefPtr<Vnode>(*directory);
    }
    i32 pid = TRY(parse_pid(name));
    auto info = TRY(m_context->process_info(pid));
    auto directory = TRY(ProcfsProcessDirectory::create(m_context, NonnullRefPtr<Vnode>(*this), pid, info.uid,
        info.gid));
    return NonnullRefPtr<Vnode>(*directory);
}

Result<usize> ProcfsRootDirectory::readdir(u64& cookie, DirectoryEntry* entries, usize capacity)
{
    usize filled = 0;
    while (filled < capacity && cookie < FIRST_SYSTEM_FILE_COOKIE) {
        entries[filled++].set(inode(), VnodeKind::Directory, cookie == 0 ? "."_sv : ".."_sv);
        ++cookie;
    }
    while (filled < capacity && cookie < FIRST_SYSTEM_FILE_COOKIE + SYSTEM_FILE_COUNT) {
        ProcfsFileKind kind = PROCFS_SYSTEM_FILES[cookie - FIRST_SYSTEM_FILE_COOKIE];
        entries[filled++].set(procfs_inode::of_file(kind, 0), VnodeKind::Regular, procfs_file_name(kind));
        ++cookie;
    }
    if (filled < capacity && cookie == NET_COOKIE) {
        entries[filled++].set(procfs_inode::NET_DIRECTORY, VnodeKind::Directory, "net"_sv);
        ++cookie;
    }
    if (filled < capacity && cookie == CLUSTER_COOKIE) {
        entries[filled++].set(procfs_inode::CLUSTER_DIRECTORY, VnodeKind::Directory, "cluster"_sv);
        ++cookie;
    }
    if (filled == capacity)
        return filled;
    if (cookie < FIRST_PID_COOKIE)
        cookie = FIRST_PID_COOKIE;

    auto pids = TRY(m_context->processes().list_pids());
    sort_pids(pids.data(), pids.size());
    i32 previous = 0;
    for (i32 pid : pids) {
        if (filled == capacity)
            break;
        // Skips PIDs handed out by an earlier call, duplicates and nonsense.
        if (pid <= 0 || pid == previous || FIRST_PID_COOKIE + u64(pid) < cookie)
            continue;
        previous = pid;
        char name[12];
        usize length = format(name, sizeof(name), "%d", pid);
        entries[filled++].set(procfs_inode::of_process_directory(pid), VnodeKind::Directory,
            StringView(name, length));
        cookie = FIRST_PID_COOKIE + u64(pid) + 1;
    }
    return filled;
}
