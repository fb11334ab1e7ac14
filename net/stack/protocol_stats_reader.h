// The protocol counters of this node, for /proc/net/stats. The network stack
// (kernel-only, net/stack/freestanding/) installs the function that reads
// them; before that, or in host builds without a stack, there are none.
// Portable, so procfs and its host tests need no lwIP.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"
#include "net/stack/protocol_stats.h"

namespace net {

// Thread context; may sleep (it takes the stack's lock).
using ProtocolStatsReader = Result<Vector<ProtocolStats>> (*)();

// Installs (or, with nullptr, removes) the reader. Safe at any time.
void set_protocol_stats_reader(ProtocolStatsReader reader);

// One entry per NET_PROTOCOLS, in that order; empty when no stack is running.
// NoMemory.
Result<Vector<ProtocolStats>> read_protocol_stats();

} // namespace net
