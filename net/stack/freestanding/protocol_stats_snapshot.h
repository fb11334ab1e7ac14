// The protocol counter snapshot behind /proc/net/stats and the monitor's
// `netstats` command: lwIP's lwip_stats for link, etharp, ip, icmp, udp and
// tcp. Kernel-only (lwIP).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/vector.h"
#include "kernel/monitor/monitor.h"
#include "net/stack/protocol_stats.h"

namespace net {

// Takes the core lock; thread context. The ProtocolStatsReader of network_init().
Result<Vector<ProtocolStats>> snapshot_protocol_stats();

// The monitor's `netstats`: the /proc/net/stats lines.
void command_netstats(MonitorIo& io, StringView arguments);

} // namespace net
