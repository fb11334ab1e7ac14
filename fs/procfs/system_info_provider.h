// SystemInfoProvider: the node- (or cluster-) wide numbers behind /proc/meminfo,
// /proc/uptime, /proc/cpuinfo, /proc/pci and /proc/net/. Like ProcessInfoProvider
// it keeps procfs free of kernel/mm, the clock and CPUID, so procfs runs in host
// tests.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/lib/vector.h"
#include "net/stack/interface_info.h"
#include "net/stack/protocol_stats.h"

struct MemoryInfo {
    u64 total_bytes { 0 };
    u64 free_bytes { 0 };
    u64 available_bytes { 0 }; // what could be had without swapping (>= free)
};

struct UptimeInfo {
    u64 uptime_ns { 0 };
    u64 idle_ns { 0 }; // summed over all CPUs, as Linux
};

// One processor: the fields are NUL-terminated (longer text is cut).
struct CpuInfo {
    u32 node { 0 }; // the node this CPU belongs to
    u32 family { 0 };
    u32 model { 0 };
    u32 stepping { 0 };
    char vendor_id[16] {};  // "GenuineIntel", "AuthenticAMD"
    char model_name[64] {}; // the brand string
    char flags[1024] {};    // Linux's flag names, separated by spaces
};

// Same contract as ProcessInfoProvider: thread-safe, may sleep.
class SystemInfoProvider {
public:
    virtual ~SystemInfoProvider() = default;

    virtual Result<MemoryInfo> memory() = 0;
    virtual Result<UptimeInfo> uptime() = 0;
    // One entry per processor, in the order /proc/cpuinfo numbers them.
    virtual Result<Vector<CpuInfo>> cpus() = 0;
    // /proc/pci: how configuration space is reached (a "# config: ..." line,
    // pci::format_config_method), then the node's PCI functions, one
    // pci::format_device line each (kernel/pci/pci_format.h); empty where there is no PCI.
    virtual Result<Vector<u8>> pci_listing() { return Vector<u8> {}; }
    // /proc/net/interfaces: the node's network interfaces, lo first; empty
    // where no network stack runs.
    virtual Result<Vector<net::InterfaceInfo>> network_interfaces() { return Vector<net::InterfaceInfo> {}; }
    // /proc/net/stats: the node's protocol counters, one entry per
    // net::NET_PROTOCOLS in that order; empty where no network stack runs.
    virtual Result<Vector<net::ProtocolStats>> network_stats() { return Vector<net::ProtocolStats> {}; }
    // /proc/cluster/nodes: one line per member of the cluster view, as the
    // cluster service renders them (kernel/cluster/freestanding/cluster_service.h);
    // empty where the node is in no cluster.
    virtual Result<Vector<u8>> cluster_nodes_listing() { return Vector<u8> {}; }
    // /proc/net/bootserver: the boot services' DHCP and TFTP counters, leases and
    // transfers (net/bootserver/freestanding/boot_services.h); empty when off.
    virtual Result<Vector<u8>> boot_services_listing() { return Vector<u8> {}; }
};
