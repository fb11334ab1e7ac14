// Local process and system facts for procfs (see local_info_providers.h).
#include "kernel/proc/local_info_providers.h"

#include "kernel/arch/pci_config.h"
#include "kernel/arch/time.h"
#include "kernel/cpu/cpu_features.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_format.h"
#include "kernel/proc/node_identity.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_table.h"
#include "kernel/sched/thread.h"
#include "kernel/vm/address_space.h"
#include "net/stack/interface_list.h"
#include "net/stack/protocol_stats_reader.h"

namespace {

void collect_pid(Process& process, void* raw) { (void)static_cast<Vector<i32>*>(raw)->try_append(process.pid()); }

void copy_text(char* destination, usize capacity, char const* source)
{
    usize i = 0;
    for (; source && source[i] && i + 1 < capacity; ++i)
        destination[i] = source[i];
    destination[i] = 0;
}

// Appends a line a formatter wrote into line[0..size-1) (length as it returned it,
// maybe truncated) and its newline.
Result<void> append_line(Vector<u8>& text, char* line, usize size, usize length)
{
    if (length > size - 2)
        length = size - 2;
    line[length++] = '\n';
    return text.try_append(reinterpret_cast<u8 const*>(line), length);
}

char state_letter(Process& process)
{
    switch (process.state()) {
    case ProcessState::Zombie: return 'Z';
    case ProcessState::Stopped: return 'T';
    case ProcessState::Running: break;
    }
    Thread* thread = process.main_thread();
    if (thread && (thread->state() == ThreadState::Blocked || thread->state() == ThreadState::Sleeping))
        return 'S';
    return 'R';
}

} // namespace

Result<Vector<i32>> LocalProcessInfoProvider::list_pids()
{
    Vector<i32> pids;
    process_table::for_each(collect_pid, &pids);
    return pids;
}

Result<ProcessInfo> LocalProcessInfoProvider::info(i32 pid)
{
    RefPtr<Process> process = process_table::find(pid);
    if (!process)
        return Error::NoSuchProcess;
    ProcessInfo info;
    info.pid = process->pid();
    info.ppid = process->parent_pid();
    info.pgid = process->process_group();
    info.sid = process->session();
    info.node = local_node();
    info.uid = process->credentials().uid;
    info.gid = process->credentials().gid;
    info.state = state_letter(*process);
    copy_text(info.name, sizeof(info.name), process->name());
    if (info.state != 'Z')
        TRY(info.cmdline.try_append(process->command_line(), process->command_line_length()));
    if (Thread* thread = process->main_thread())
        info.cpu_time_ns = thread->cpu_time_ns();
    info.start_time_ns = process->start_ns();
    if (AddressSpace* space = process->address_space()) {
        info.resident_pages = space->resident_pages();
        if (auto regions = space->regions(); !regions.is_error()) {
            for (auto const& region : regions.value())
                info.virtual_size_bytes += region.end - region.start;
        }
    }
    return info;
}

Result<MemoryInfo> LocalSystemInfoProvider::memory()
{
    FrameStats stats = frame_allocator().stats();
    MemoryInfo info;
    info.total_bytes = stats.total_frames * PAGE_SIZE;
    info.free_bytes = stats.free_frames * PAGE_SIZE;
    info.available_bytes = info.free_bytes;
    return info;
}

Result<UptimeInfo> LocalSystemInfoProvider::uptime() { return UptimeInfo { arch::monotonic_ns(), 0 }; }

Result<Vector<CpuInfo>> LocalSystemInfoProvider::cpus()
{
    CpuFeatures const& features = boot_cpu_features();
    CpuInfo cpu;
    cpu.node = local_node();
    cpu.family = features.family();
    cpu.model = features.model();
    cpu.stepping = features.stepping();
    copy_text(cpu.vendor_id, sizeof(cpu.vendor_id), features.vendor());
    copy_text(cpu.model_name, sizeof(cpu.model_name), features.brand());
    features.format(cpu.flags, sizeof(cpu.flags));
    Vector<CpuInfo> cpus;
    TRY(cpus.try_append(cpu));
    return cpus;
}

Result<Vector<u8>> LocalSystemInfoProvider::pci_listing()
{
    PciBus const& bus = PciBus::the();
    Vector<u8> text;
    char line[256];
    usize length = pci::format_config_method(arch::pci_config_method(), line, sizeof(line) - 1);
    TRY(append_line(text, line, sizeof(line), length));
    for (usize i = 0; i < bus.count(); ++i)
        TRY(append_line(text, line, sizeof(line), pci::format_device(bus.device(i), line, sizeof(line) - 1)));
    return text;
}

Result<Vector<net::InterfaceInfo>> LocalSystemInfoProvider::network_interfaces() { return net::list_interfaces(); }

Result<Vector<net::ProtocolStats>> LocalSystemInfoProvider::network_stats() { return net::read_protocol_stats(); }

namespace {
std::atomic<ClusterNodesLister> g_cluster_nodes_lister { nullptr };
std::atomic<ClusterNodesLister> g_boot_services_lister { nullptr };

Result<Vector<u8>> listing_of(std::atomic<ClusterNodesLister> const& installed)
{
    ClusterNodesLister lister = installed.load();
    if (!lister)
        return Vector<u8> {};
    return lister();
}
} // namespace

void set_cluster_nodes_lister(ClusterNodesLister lister) { g_cluster_nodes_lister.store(lister); }
void set_boot_services_lister(ClusterNodesLister lister) { g_boot_services_lister.store(lister); }

Result<Vector<u8>> LocalSystemInfoProvider::cluster_nodes_listing() { return listing_of(g_cluster_nodes_lister); }
Result<Vector<u8>> LocalSystemInfoProvider::boot_services_listing() { return listing_of(g_boot_services_lister); }
