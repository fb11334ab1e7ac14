// Process IDs are unique in the cluster and name the node that created the
// process (its origin): pid = origin_node * PIDS_PER_NODE + serial. Any node can
// route a PID to its origin with a division, and the origin knows where the
// process runs now (DESIGN §3 VPROC). Nodes are 1..4095, so PIDs fit an int.
#pragma once

#include "kernel/lib/types.h"

using Pid = i32;

inline constexpr Pid PIDS_PER_NODE = 100000;
inline constexpr u32 MAX_NODE = 4095;

constexpr u32 pid_origin_node(Pid pid) { return pid > 0 ? u32(pid / PIDS_PER_NODE) : 0; }
constexpr Pid make_pid(u32 node, u32 serial) { return Pid(node) * PIDS_PER_NODE + Pid(serial); }
