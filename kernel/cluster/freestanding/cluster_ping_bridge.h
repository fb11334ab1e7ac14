// ClusterPingBridge: carries programs' round trips (kernel/cluster/cluster_ping.h)
// into the cluster thread, which alone drives the RpcEndpoint. A caller takes a
// slot, queues it and sleeps; the cluster thread starts the call on its next
// pass and the completion wakes the caller. A caller that gives up (the cluster
// thread stalled past the call's own timeout) abandons its slot, which the
// completion then frees. Kernel-only.
#pragma once

#include "kernel/cluster/rpc_endpoint.h"
#include "kernel/sync/semaphore.h"

namespace cluster {

// Any thread. Blocks for at most about timeout_ms (see cluster_ping.h).
Result<u64> ping_through_bridge(NodeId node, usize payload_size, u64 timeout_ms);

// The cluster thread: wakeup is posted whenever a ping is queued.
void bridge_attach(Semaphore& wakeup);
// The cluster thread, every pass: starts the queued calls on rpc.
void bridge_start_queued(RpcEndpoint& rpc);

} // namespace cluster
