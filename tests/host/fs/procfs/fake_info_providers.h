// Fake providers for the procfs tests: a process list the test edits while
// /proc is mounted, and fixed memory, uptime and CPU numbers.
#pragma once

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "fs/procfs/process_info_provider.h"
#include "fs/procfs/system_info_provider.h"

struct FakeProcess {
    i32 pid { 0 };
    i32 ppid { 0 };
    i32 pgid { 0 };
    i32 sid { 0 };
    u32 node { 1 };
    u32 uid { 0 };
    u32 gid { 0 };
    char state { 'S' };
    std::string name;
    std::string cmdline;
    u64 cpu_time_ns { 0 };
    u64 start_time_ns { 0 };
    u64 resident_pages { 0 };
    u64 virtual_size_bytes { 0 };
};

class FakeProcessProvider final : public ProcessInfoProvider {
public:
    Result<Vector<i32>> list_pids() override
    {
        ++list_calls;
        Vector<i32> pids;
        // Reverse order and the extra PIDs: procfs must sort and dedupe.
        for (auto it = processes.rbegin(); it != processes.rend(); ++it)
            TRY(pids.try_append(it->first));
        for (i32 pid : extra_listed_pids)
            TRY(pids.try_append(pid));
        return pids;
    }

    Result<ProcessInfo> info(i32 pid) override
    {
        if (info_error != Error::None)
            return info_error;
        auto found = processes.find(pid);
        if (found == processes.end())
            return gone_error;
        FakeProcess const& process = found->second;
        ProcessInfo info;
        info.pid = process.pid;
        info.ppid = process.ppid;
        info.pgid = process.pgid;
        info.sid = process.sid;
        info.node = process.node;
        info.uid = process.uid;
        info.gid = process.gid;
        info.state = process.state;
        // Copies the whole name, even past the capacity, with no NUL when it
        // fills the array: procfs must bound it itself.
        std::memcpy(info.name, process.name.data(),
            process.name.size() < sizeof(info.name) ? process.name.size() : sizeof(info.name));
        TRY(info.cmdline.try_append(reinterpret_cast<u8 const*>(process.cmdline.data()), process.cmdline.size()));
        info.cpu_time_ns = process.cpu_time_ns;
        info.start_time_ns = process.start_time_ns;
        info.resident_pages = process.resident_pages;
        info.virtual_size_bytes = process.virtual_size_bytes;
        return info;
    }

    void add(FakeProcess process) { processes[process.pid] = process; }

    std::map<i32, FakeProcess> processes;
    std::vector<i32> extra_listed_pids;
    Error info_error { Error::None };
    Error gone_error { Error::NoSuchProcess };
    int list_calls { 0 };
};

class FakeSystemProvider final : public SystemInfoProvider {
public:
    Result<MemoryInfo> memory() override { return memory_info; }
    Result<UptimeInfo> uptime() override { return uptime_info; }
    Result<Vector<CpuInfo>> cpus() override
    {
        Vector<CpuInfo> result;
        for (CpuInfo const& cpu : cpu_list)
            TRY(result.try_append(cpu));
        return result;
    }

    Result<Vector<net::InterfaceInfo>> network_interfaces() override
    {
        Vector<net::InterfaceInfo> result;
        for (net::InterfaceInfo const& info : interfaces)
            TRY(result.try_append(info));
        return result;
    }

    Result<Vector<net::ProtocolStats>> network_stats() override
    {
        Vector<net::ProtocolStats> result;
        for (net::ProtocolStats const& stats : protocol_stats)
            TRY(result.try_append(stats));
        return result;
    }

    MemoryInfo memory_info { 512 * MiB, 300 * MiB, 400 * MiB };
    UptimeInfo uptime_info { 12'345'678'901'234, 2'000'500'000 };
    std::vector<CpuInfo> cpu_list;
    std::vector<net::InterfaceInfo> interfaces;
    std::vector<net::ProtocolStats> protocol_stats;
};
