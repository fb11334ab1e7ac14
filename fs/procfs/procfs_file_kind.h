// ProcfsFileKind: the files procfs knows, their names and their inode numbers.
// Inodes are computed, never allocated, so the same file has the same inode in
// every lookup (getcwd and is_same rely on it) and nothing is kept per process.
#pragma once

#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

enum class ProcfsFileKind : u8 {
    // In /proc.
    Meminfo,
    Uptime,
    Cpuinfo,
    Pci,
    // In /proc/net/.
    NetInterfaces,
    NetStats,
    NetBootserver,
    // In /proc/cluster/.
    ClusterNodes,
    // In /proc/<pid>/.
    ProcessStat,
    ProcessStatus,
    ProcessCmdline,
};

namespace procfs_inode {

inline constexpr u64 ROOT = 1;
// /proc/net (the system files of /proc take 2, 3, ...; those of /proc/net 7, 8,
// ..., up to 13), then /proc/cluster 14 and its file 15, below the first
// process directory.
inline constexpr u64 NET_DIRECTORY = 6;
inline constexpr u64 CLUSTER_DIRECTORY = 14;
// /proc/<pid> is (pid << PROCESS_SHIFT), its files that plus 1, 2, 3; PIDs are
// positive, so these never meet the small numbers of /proc's own entries.
inline constexpr u32 PROCESS_SHIFT = 4;

constexpr u64 of_process_directory(i32 pid) { return u64(u32(pid)) << PROCESS_SHIFT; }

constexpr u64 of_file(ProcfsFileKind kind, i32 pid)
{
    switch (kind) {
    case ProcfsFileKind::Meminfo:
        return 2;
    case ProcfsFileKind::Uptime:
        return 3;
    case ProcfsFileKind::Cpuinfo:
        return 4;
    case ProcfsFileKind::Pci:
        return 5;
    case ProcfsFileKind::NetInterfaces:
        return 7;
    case ProcfsFileKind::NetStats:
        return 8;
    case ProcfsFileKind::NetBootserver:
        return 9;
    case ProcfsFileKind::ClusterNodes:
        return 15;
    case ProcfsFileKind::ProcessStat:
        return of_process_directory(pid) + 1;
    case ProcfsFileKind::ProcessStatus:
        return of_process_directory(pid) + 2;
    case ProcfsFileKind::ProcessCmdline:
        return of_process_directory(pid) + 3;
    }
    return 0;
}

} // namespace procfs_inode

constexpr StringView procfs_file_name(ProcfsFileKind kind)
{
    switch (kind) {
    case ProcfsFileKind::Meminfo:
        return "meminfo"_sv;
    case ProcfsFileKind::Uptime:
        return "uptime"_sv;
    case ProcfsFileKind::Cpuinfo:
        return "cpuinfo"_sv;
    case ProcfsFileKind::Pci:
        return "pci"_sv;
    case ProcfsFileKind::NetInterfaces:
        return "interfaces"_sv;
    case ProcfsFileKind::NetStats:
        return "stats"_sv;
    case ProcfsFileKind::NetBootserver:
        return "bootserver"_sv;
    case ProcfsFileKind::ClusterNodes:
        return "nodes"_sv;
    case ProcfsFileKind::ProcessStat:
        return "stat"_sv;
    case ProcfsFileKind::ProcessStatus:
        return "status"_sv;
    case ProcfsFileKind::ProcessCmdline:
        return "cmdline"_sv;
    }
    return {};
}

// The entries of /proc itself and of each /proc/<pid>/, in readdir order.
inline constexpr ProcfsFileKind PROCFS_SYSTEM_FILES[] = { ProcfsFileKind::Meminfo, ProcfsFileKind::Uptime,
    ProcfsFileKind::Cpuinfo, ProcfsFileKind::Pci };
inline constexpr ProcfsFileKind PROCFS_NET_FILES[] = { ProcfsFileKind::NetInterfaces, ProcfsFileKind::NetStats,
    ProcfsFileKind::NetBootserver };
inline constexpr ProcfsFileKind PROCFS_CLUSTER_FILES[] = { ProcfsFileKind::ClusterNodes };
inline constexpr ProcfsFileKind PROCFS_PROCESS_FILES[] = { ProcfsFileKind::ProcessStat,
    ProcfsFileKind::ProcessStatus, ProcfsFileKind::ProcessCmdline };
