// procfs_content: the Linux-shaped text formats of /proc.
#include "fs/procfs/procfs_content.h"

namespace procfs_content {

namespace {

constexpr u64 NS_PER_TICK = 1'000'000'000 / CLOCK_TICKS_PER_SECOND;

// A process name as one printable token-ish run: bounded by the array (a
// provider may forget the NUL) and with control characters shown as '?', so
// a name cannot add lines to status or fields to stat.
struct SafeName {
    char text[ProcessInfo::NAME_CAPACITY + 1] {};
    int length { 0 };
};

SafeName safe_name(ProcessInfo const& info)
{
    SafeName name;
    for (usize i = 0; i < ProcessInfo::NAME_CAPACITY && info.name[i] != '\0'; ++i) {
        char c = info.name[i];
        name.text[i] = (static_cast<u8>(c) < 0x20 || c == 0x7f) ? '?' : c;
        name.length = static_cast<int>(i + 1);
    }
    return name;
}

// Length of a NUL-terminated field that may fill its whole array.
template<usize N>
int bounded_length(char const (&field)[N])
{
    usize length = 0;
    while (length < N && field[length] != '\0')
        ++length;
    return static_cast<int>(length);
}

unsigned long long kib_of_pages(u64 pages) { return pages * (PAGE_SIZE / KiB); }

} // namespace

char const* state_description(char state)
{
    switch (state) {
    case 'R':
        return "running";
    case 'S':
        return "sleeping";
    case 'D':
        return "disk sleep";
    case 'T':
        return "stopped";
    case 'Z':
        return "zombie";
    default:
        return "unknown";
    }
}

Result<void> render_stat(ProcessInfo const& info, TextBuffer& out)
{
    SafeName name = safe_name(info);
    char state = info.state ? info.state : '?';
    unsigned long long utime = info.cpu_time_ns / NS_PER_TICK;
    unsigned long long start = info.start_time_ns / NS_PER_TICK;
    // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt
    // majflt cmajflt utime stime cutime cstime priority nice num_threads
    // itrealvalue starttime vsize rss
    return out.appendf("%d (%.*s) %c %d %d %d 0 -1 0 0 0 0 0 %llu 0 0 0 20 0 1 0 %llu %llu %llu\n", info.pid,
        name.length, name.text, state, info.ppid, info.pgid, info.sid, utime, start,
        static_cast<unsigned long long>(info.virtual_size_bytes),
        static_cast<unsigned long long>(info.resident_pages));
}

Result<void> render_status(ProcessInfo const& info, TextBuffer& out)
{
    SafeName name = safe_name(info);
    char state = info.state ? info.state : '?';
    TRY(out.appendf("Name:\t%.*s\n", name.length, name.text));
    TRY(out.appendf("State:\t%c (%s)\n", state, state_description(info.state)));
    TRY(out.appendf("Tgid:\t%d\nPid:\t%d\nPPid:\t%d\n", info.pid, info.pid, info.ppid));
    // Real, effective, saved and file-system ids: Unum has one of each kind.
    TRY(out.appendf("Uid:\t%u\t%u\t%u\t%u\n", info.uid, info.uid, info.uid, info.uid));
    TRY(out.appendf("Gid:\t%u\t%u\t%u\t%u\n", info.gid, info.gid, info.gid, info.gid));
    TRY(out.appendf("PGid:\t%d\nSid:\t%d\nNode:\t%u\n", info.pgid, info.sid, info.node));
    TRY(out.appendf("VmSize:\t%8llu kB\n", static_cast<unsigned long long>(info.virtual_size_bytes / KiB)));
    TRY(out.appendf("VmRSS:\t%8llu kB\n", kib_of_pages(info.resident_pages)));
    TRY(out.appendf("CpuTimeMs:\t%llu\n", static_cast<unsigned long long>(info.cpu_time_ns / 1'000'000)));
    return {};
}

Result<void> render_cmdline(ProcessInfo const& info, TextBuffer& out)
{
    usize size = info.cmdline.size();
    if (size > ProcessInfo::CMDLINE_CAPACITY)
        size = ProcessInfo::CMDLINE_CAPACITY;
    return out.append(info.cmdline.data(), size);
}

Result<void> render_meminfo(MemoryInfo const& memory, TextBuffer& out)
{
    // Linux pads the label to 16 columns and the number to 8.
    TRY(out.appendf("%-16s%8llu kB\n", "MemTotal:", static_cast<unsigned long long>(memory.total_bytes / KiB)));
    TRY(out.appendf("%-16s%8llu kB\n", "MemFree:", static_cast<unsigned long long>(memory.free_bytes / KiB)));
    TRY(out.appendf("%-16s%8llu kB\n", "MemAvailable:",
        static_cast<unsigned long long>(memory.available_bytes / KiB)));
    return {};
}

Result<void> render_uptime(UptimeInfo const& uptime, TextBuffer& out)
{
    constexpr u64 NS_PER_SECOND = 1'000'000'000;
    constexpr u64 NS_PER_HUNDREDTH = NS_PER_SECOND / 100;
    return out.appendf("%llu.%02llu %llu.%02llu\n", static_cast<unsigned long long>(uptime.uptime_ns / NS_PER_SECOND),
        static_cast<unsigned long long>(uptime.uptime_ns % NS_PER_SECOND / NS_PER_HUNDREDTH),
        static_cast<unsigned long long>(uptime.idle_ns / NS_PER_SECOND),
        static_cast<unsigned long long>(uptime.idle_ns % NS_PER_SECOND / NS_PER_HUNDREDTH));
}

Result<void> render_cpuinfo(Vector<CpuInfo> const& cpus, TextBuffer& out)
{
    for (usize i = 0; i < cpus.size(); ++i) {
        CpuInfo const& cpu = cpus[i];
        TRY(out.appendf("processor\t: %zu\n", i));
        TRY(out.appendf("vendor_id\t: %.*s\n", bounded_length(cpu.vendor_id), cpu.vendor_id));
        TRY(out.appendf("cpu family\t: %u\nmodel\t\t: %u\n", cpu.family, cpu.model));
        TRY(out.appendf("model name\t: %.*s\n", bounded_length(cpu.model_name), cpu.model_name));
        TRY(out.appendf("stepping\t: %u\n", cpu.stepping));
        TRY(out.appendf("node\t\t: %u\n", cpu.node));
        TRY(out.appendf("flags\t\t: %.*s\n\n", bounded_length(cpu.flags), cpu.flags));
    }
    return {};
}

Result<void> render_net_interfaces(Vector<net::InterfaceInfo> const& interfaces, TextBuffer& out)
{
    for (net::InterfaceInfo const& info : interfaces) {
        char line[net::INTERFACE_LINE_CAPACITY];
        usize length = TRY(net::format_interface_line(info, line, sizeof(line)));
        TRY(out.append(StringView(line, length)));
    }
    return {};
}

Result<void> render_net_stats(Vector<net::ProtocolStats> const& stats, TextBuffer& out)
{
    for (net::ProtocolStats const& protocol : stats) {
        char line[net::PROTOCOL_STATS_LINE_CAPACITY];
        usize length = TRY(net::format_protocol_stats_line(protocol, line, sizeof(line)));
        TRY(out.append(StringView(line, length)));
    }
    return {};
}

} // namespace procfs_content
