// The installed protocol counter reader (see protocol_stats_reader.h).
#include "net/stack/protocol_stats_reader.h"

#include <atomic>

namespace net {

namespace {

std::atomic<ProtocolStatsReader> g_reader { nullptr };

} // namespace

void set_protocol_stats_reader(ProtocolStatsReader reader) { g_reader.store(reader, std::memory_order_release); }

Result<Vector<ProtocolStats>> read_protocol_stats()
{
    ProtocolStatsReader reader = g_reader.load(std::memory_order_acquire);
    if (!reader)
        return Vector<ProtocolStats> {};
    return reader();
}

} // namespace net
