// The interface snapshot behind /proc/net/interfaces and the monitor's `net`
// command: every lwIP netif (lo first) with its addresses, link, configuration
// and counters. Kernel-only (lwIP).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/vector.h"
#include "kernel/monitor/monitor.h"
#include "net/stack/interface_info.h"

namespace net {

// Takes the core lock; thread context. The InterfaceLister of network_init().
Result<Vector<InterfaceInfo>> snapshot_interfaces();

// The monitor's `net`: one /proc/net/interfaces line per interface.
void command_net(MonitorIo& io, StringView arguments);

} // namespace net
