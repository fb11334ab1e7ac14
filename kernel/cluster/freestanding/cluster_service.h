// The cluster service: one kernel thread that owns this node's ClusterNode and
// drives it on the real network (LwipClusterTransport), configured from the
// kernel command line: cluster=NAME (default "unum"), key=HEX (default: the
// documented development key, with a warning), node=N, tags=a,b.
// docs/cluster.md, "The kernel glue". Kernel-only.
#pragma once

#include "kernel/boot/command_line.h"
#include "kernel/cluster/rpc_endpoint.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"

namespace cluster {

// Copies the configuration and starts the thread, which waits until eth0 has an
// address; true if it started. Bad options are logged and the cluster stays off,
// as it does without an Ethernet interface. Call once, after net::network_init().
bool service_start(CommandLine const& command_line);

// A kernel service's RPC handler (a service number from RpcService::FirstKernelService
// up), registered by the cluster thread when it starts; handlers run on the cluster
// thread and must not sleep long. Call before service_start(). NoSpace past 8.
Result<void> add_rpc_service(u16 service, u16 method, RpcHandler handler, void* context);

// The other members of the current view (a snapshot, refreshed every 200 ms).
Result<Vector<NodeId>> other_members();

// Blocks until this node holds a number in a cluster view (local_node() is then
// that number) and returns it; TimedOut after timeout_ms (WAIT_FOREVER: none).
// The boot waits here before the first user process when no node= was given, so
// no PID is made under a number the node does not own.
Result<u32> wait_for_node_number(u64 timeout_ms);

// /proc/cluster/nodes: one line per member of the current view,
//   node=2 addr=10.77.0.2 state=up cpus=1 mem_mib=512 load=0.03 features=fpu,sse2 tags=disk
// (state up, suspect or dead as this node sees it); empty while this node is
// not a member of a cluster. Thread-safe.
Result<Vector<u8>> nodes_listing();

} // namespace cluster
