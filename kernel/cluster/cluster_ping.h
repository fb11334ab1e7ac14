// Round trips from a program to another node's kernel over the cluster's RPC
// (the unum_cluster_ping syscall behind `nodes ping`): an empty call to the null
// service, or a payload through the echo service and checked on its return. The
// cluster glue installs the implementation when it starts; until then every
// call fails with NetworkDown. Portable: the syscall and its tests need no glue.
#pragma once

#include "kernel/cluster/node_identity.h"
#include "kernel/lib/result.h"

inline constexpr u64 CLUSTER_PING_DEFAULT_TIMEOUT_MS = 2000;
inline constexpr u64 CLUSTER_PING_MAX_TIMEOUT_MS = 60000;

// Returns the round trip in nanoseconds. InvalidArgument (this node, or not a
// node number), MessageTooLong (past CLUSTER_MAX_RPC_PAYLOAD), HostDown (not a
// member), TimedOut, ConnectionReset, BadMessage (the echo came back altered).
using ClusterPinger = Result<u64> (*)(NodeId node, usize payload_size, u64 timeout_ms);
void set_cluster_pinger(ClusterPinger pinger);
Result<u64> cluster_ping(NodeId node, usize payload_size, u64 timeout_ms);
