// The program-facing round-trip seam (see cluster_ping.h).
#include "kernel/cluster/cluster_ping.h"

#include <atomic>

#include "kernel/cluster/cluster_message.h"

namespace {
std::atomic<ClusterPinger> g_pinger { nullptr };
}

void set_cluster_pinger(ClusterPinger pinger) { g_pinger.store(pinger, std::memory_order_release); }

Result<u64> cluster_ping(NodeId node, usize payload_size, u64 timeout_ms)
{
    if (!node.is_valid())
        return Error::InvalidArgument;
    if (payload_size > CLUSTER_MAX_RPC_PAYLOAD)
        return Error::MessageTooLong;
    ClusterPinger pinger = g_pinger.load(std::memory_order_acquire);
    if (!pinger)
        return Error::NetworkDown;
    if (timeout_ms == 0)
        timeout_ms = CLUSTER_PING_DEFAULT_TIMEOUT_MS;
    if (timeout_ms > CLUSTER_PING_MAX_TIMEOUT_MS)
        timeout_ms = CLUSTER_PING_MAX_TIMEOUT_MS;
    return pinger(node, payload_size, timeout_ms);
}
