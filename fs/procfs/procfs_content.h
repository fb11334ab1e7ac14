// procfs_content: the text of each /proc file, rendered from provider data.
// Pure functions (no locks, no providers) so the formats are tested directly.
#pragma once

#include "fs/procfs/process_info_provider.h"
#include "fs/procfs/system_info_provider.h"
#include "fs/procfs/text_buffer.h"
#include "net/stack/interface_info.h"
#include "net/stack/protocol_stats.h"

namespace procfs_content {

// Linux's USER_HZ: stat's time fields are in these ticks.
inline constexpr u64 CLOCK_TICKS_PER_SECOND = 100;

// /proc/<pid>/stat: one line, the first 24 fields of Linux's layout
// (pid (name) state ppid pgid sid tty_nr tpgid flags minflt cminflt majflt
// cmajflt utime stime cutime cstime priority nice num_threads itrealvalue
// starttime vsize rss); fields Unum does not track are 0 (tpgid -1: no
// terminal). Times are in CLOCK_TICKS_PER_SECOND ticks, vsize in bytes, rss in pages.
Result<void> render_stat(ProcessInfo const& info, TextBuffer& out);
// /proc/<pid>/status: "Key:\tvalue" lines, Linux's keys plus Unum's
// (PGid, Sid, Node, CpuTimeMs).
Result<void> render_status(ProcessInfo const& info, TextBuffer& out);
// /proc/<pid>/cmdline: the argument bytes, cut at ProcessInfo::CMDLINE_CAPACITY.
Result<void> render_cmdline(ProcessInfo const& info, TextBuffer& out);

// /proc/meminfo: "MemTotal:   <n> kB" lines as Linux aligns them.
Result<void> render_meminfo(MemoryInfo const& memory, TextBuffer& out);
// /proc/uptime: "<seconds>.<hundredths> <idle seconds>.<hundredths>\n".
Result<void> render_uptime(UptimeInfo const& uptime, TextBuffer& out);
// /proc/cpuinfo: one block per processor, each ended by an empty line
// (as Linux); Unum adds a "node" line.
Result<void> render_cpuinfo(Vector<CpuInfo> const& cpus, TextBuffer& out);

// /proc/net/interfaces: one net::format_interface_line() line per interface.
Result<void> render_net_interfaces(Vector<net::InterfaceInfo> const& interfaces, TextBuffer& out);
// /proc/net/stats: one net::format_protocol_stats_line() line per protocol.
Result<void> render_net_stats(Vector<net::ProtocolStats> const& stats, TextBuffer& out);

// "running", "sleeping", ... for a state letter; "unknown" otherwise.
char const* state_description(char state);

} // namespace procfs_content
