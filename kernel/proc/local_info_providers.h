// What this node tells procfs: its processes (from the process table) and its
// memory, uptime and CPUs. The cluster will wrap these in providers that merge
// every node (docs/procfs.md).
#pragma once

#include "fs/procfs/process_info_provider.h"
#include "fs/procfs/system_info_provider.h"

class LocalProcessInfoProvider final : public ProcessInfoProvider {
public:
    Result<Vector<i32>> list_pids() override;
    Result<ProcessInfo> info(i32 pid) override;
};

class LocalSystemInfoProvider final : public SystemInfoProvider {
public:
    Result<MemoryInfo> memory() override;
    Result<UptimeInfo> uptime() override;
    Result<Vector<CpuInfo>> cpus() override;
    Result<Vector<u8>> pci_listing() override;
    Result<Vector<net::InterfaceInfo>> network_interfaces() override;
    Result<Vector<net::ProtocolStats>> network_stats() override;
    Result<Vector<u8>> cluster_nodes_listing() override;
    Result<Vector<u8>> boot_services_listing() override;
};

// Where /proc/cluster/nodes comes from: the cluster service registers its
// listing when it starts (kernel-only code); until then the file is empty.
using ClusterNodesLister = Result<Vector<u8>> (*)();
void set_cluster_nodes_lister(ClusterNodesLister lister);
// Where /proc/net/bootserver comes from: the boot services register theirs.
void set_boot_services_lister(ClusterNodesLister lister);
