// The call bridge: RPC calls from any kernel thread (a system call, another
// service) carried into the cluster thread, which alone drives the RpcEndpoint.
// A caller takes a slot (its payload copied in), queues it and sleeps; the
// cluster thread starts the call on its next pass and the completion hands the
// reply back and wakes the caller. A caller that gives up (the cluster thread
// stalled past the call's own timeout) abandons its slot, which the completion
// then frees. Programs' pings (cluster_ping.h) are one user. Kernel-only.
#pragma once

#include "kernel/cluster/rpc_endpoint.h"
#include "kernel/sync/semaphore.h"

namespace cluster {

struct BridgeReply {
    Vector<u8> payload;
    u64 round_trip_ns { 0 }; // from the send to the completion, on the cluster thread
};

// Any thread that may sleep. Blocks for at most about timeout_ms. Errors are the
// RPC layer's (HostDown, TimedOut, InvalidArgument for this node, ...), NetworkDown
// before the cluster thread runs, Busy when every slot is taken.
Result<BridgeReply> call_through_bridge(NodeId node, u16 service, u16 method, u8 const* payload, usize size,
    u64 timeout_ms);

// Programs' round trips (the pinger cluster_ping.h calls): null, or an echo of
// patterned bytes checked on return.
Result<u64> ping_through_bridge(NodeId node, usize payload_size, u64 timeout_ms);

// The cluster thread: wakeup is posted whenever a call is queued.
void bridge_attach(Semaphore& wakeup);
// The cluster thread, every pass: starts the queued calls on rpc.
void bridge_start_queued(RpcEndpoint& rpc);

} // namespace cluster
