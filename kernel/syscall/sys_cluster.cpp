// Cluster system calls: unum_cluster_ping (a round trip to another node's kernel).
#include "kernel/cluster/cluster_ping.h"
#include "kernel/syscall/syscall_families.h"

// (unsigned node, unsigned long payload_size, unsigned long timeout_ms) -> round trip in ns.
Result<u64> sys_cluster_ping(SyscallArgs const& args)
{
    if (args.arg[0] == 0 || args.arg[0] > NodeId::MAX)
        return Error::InvalidArgument;
    return cluster_ping(NodeId(u16(args.arg[0])), usize(args.arg[1]), args.arg[2]);
}
