// ProcessInfoProvider: where procfs learns which processes exist and what they
// look like. procfs never reads kernel/proc itself: the kernel gives it a
// provider over its process table, and the cluster one that merges every node's.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"

// One process as /proc/<pid>/ shows it: a snapshot, copied out of the process.
struct ProcessInfo {
    static constexpr usize NAME_CAPACITY = 32;     // characters, without the NUL
    static constexpr usize CMDLINE_CAPACITY = 4096; // bytes /proc/<pid>/cmdline shows

    i32 pid { 0 };
    i32 ppid { 0 };
    i32 pgid { 0 };
    i32 sid { 0 };
    u32 node { 0 }; // the node it runs on now
    u32 uid { 0 };
    u32 gid { 0 };
    // 'R' running, 'S' sleeping, 'T' stopped, 'Z' zombie (others show as unknown).
    char state { 'R' };
    // NUL-terminated; a longer name is cut at NAME_CAPACITY.
    char name[NAME_CAPACITY + 1] {};
    // The arguments with a NUL after each (as Linux: "sh\0-c\0ls\0"); empty for
    // a zombie. Bytes past CMDLINE_CAPACITY are not shown.
    Vector<u8> cmdline;
    u64 cpu_time_ns { 0 };   // user + system time of all its threads
    u64 start_time_ns { 0 }; // since the boot of the node that reports it
    u64 resident_pages { 0 };
    u64 virtual_size_bytes { 0 };
};

// Every method may be called from several threads at once and may sleep (a
// cluster provider asks other nodes); callers hold no procfs lock across them.
class ProcessInfoProvider {
public:
    virtual ~ProcessInfoProvider() = default;

    // The PIDs of every process that /proc lists, in any order (duplicates are
    // shown once).
    virtual Result<Vector<i32>> list_pids() = 0;
    // NoEntry or NoSuchProcess when pid does not exist (any more); other errors
    // (TimedOut, HostDown from a remote node) are passed on to the reader.
    virtual Result<ProcessInfo> info(i32 pid) = 0;
};
