// kernel_main: starts the scheduler, then does what the command line asks:
// self-tests (TAP, then exit), benchmarks (BENCH lines, then exit), a deliberate
// fault, or, by default, the debug monitor on the system console.
#include "kernel/init/kernel_main.h"

#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/cluster/freestanding/cluster_service.h"
#include "kernel/debug/debug_print.h"
#include "kernel/init/root_filesystem.h"
#include "kernel/init/system_console.h"
#include "kernel/init/user_init.h"
#include "kernel/proc/node_identity.h"
#include "kernel/log/klog.h"
#include "kernel/mm/mm_bench.h"
#include "kernel/monitor/monitor.h"
#include "kernel/panic.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_monitor_command.h"
#include "kernel/sched/sched_bench.h"
#include "kernel/sched/scheduler.h"
#include "kernel/selftest/selftest.h"
#include "net/bootserver/freestanding/boot_services.h"
#include "net/device/net_drivers.h"
#include "net/stack/network_stack.h"

namespace {

u64 g_ready_ns = 0;

class ConsoleMonitorIo final : public MonitorIo {
public:
    int read_byte() override
    {
        auto byte = system_console_input().pop();
        return byte.is_error() ? -1 : byte.value();
    }
    void write(char const* text, usize length) override { system_console_write(text, length); }
};

void report_bench(char const* name, u64 value, char const* unit)
{
    debug_print("BENCH %s %llu %s\n", name, (unsigned long long)value, unit);
}

[[noreturn]] void run_benchmarks()
{
    report_bench("kernel_ready_us", g_ready_ns / 1000, "us");
    mm_bench(report_bench);
    sched_bench(report_bench);
    debug_print("bench: done\n");
    arch::exit_emulator(0);
}

void command_exit_monitor(MonitorIo& io, StringView)
{
    io.print("back to the console\n");
    system_console_leave_monitor();
}

// With user space on the console, the monitor waits for Ctrl-] m.
[[noreturn]] void run_monitor_on_escape()
{
    ConsoleMonitorIo io;
    char line[160];
    for (;;) {
        isize length = monitor_read_line(io, line, sizeof(line));
        if (length < 0 || !system_console_in_monitor())
            continue;
        monitor_execute(io, StringView(line, usize(length)));
        if (system_console_in_monitor())
            io.write(MONITOR_PROMPT, StringView(MONITOR_PROMPT).length());
    }
}

[[noreturn]] void run_selftests()
{
    u32 failed = selftest_run_all();
    arch::exit_emulator(failed == 0 ? 0 : 1);
}

// Without node=, PIDs and the node's name wait for the number the cluster gives.
// A netbooted node waits as long as it takes (admission may be manual); any
// other node founds or joins within seconds, or keeps node1 after a while.
void await_node_number(bool netbooted)
{
    constexpr u64 UNNUMBERED_WAIT_MS = 30000;
    log_info("cluster: waiting for a node number before the first user process");
    auto number = cluster::wait_for_node_number(netbooted ? WAIT_FOREVER : UNNUMBERED_WAIT_MS);
    if (number.is_error())
        log_warn("cluster: no node number yet; user processes start as node%u", local_node());
    else
        log_info("cluster: this is node%u", number.value());
}

} // namespace

u64 kernel_ready_ns() { return g_ready_ns; }

[[noreturn]] void kernel_main(KernelBootArguments const& boot)
{
    CommandLine const& command_line = *boot.command_line;
    if (auto started = sched::init(KERNEL_TICK_HZ, sched::TickSource::MonotonicClock); started.is_error())
        panic("scheduler: %s", error_name(started.error()));
    arch::interrupts_enable();
    g_ready_ns = arch::monotonic_ns();

    // Once, before any driver runs: sizing BARs briefly disables each device's decoding.
    if (auto found = PciBus::the().enumerate(); found.is_error())
        log_warn("pci: %s", error_name(found.error()));
    else
        log_info("pci: %zu functions%s", found.value(), PciBus::the().truncated() ? " (list full)" : "");
    monitor_register_command({ "pci", "PCI functions and their BARs", command_pci });
    net_drivers_probe();

    if (command_line.has("fault")) {
        static char kind[32];
        StringView requested = command_line.get("fault");
        usize n = requested.length() < sizeof(kind) - 1 ? requested.length() : sizeof(kind) - 1;
        for (usize i = 0; i < n; ++i)
            kind[i] = requested[i];
        log_warn("triggering a deliberate '%s' fault", kind);
        arch::trigger_deliberate_fault(kind);
        panic("unknown fault kind '%s'", kind);
    }
    if (command_line.has("node")) {
        if (auto node = command_line.get_u64("node"); !node.is_error())
            set_local_node(u32(node.value()));
    }
    if (auto mounted = mount_root_filesystem(boot.modules, boot.module_count); mounted.is_error())
        log_error("root file system: %s", error_name(mounted.error()));
    // After the drivers, before self-tests and the first user process.
    net::network_init(command_line);
    // DHCP and TFTP for network-booting machines (node 1, or `bootserver`).
    net::boot_services_start(command_line);
    // Waits in its own thread for eth0's address; off under selftest and bench.
    bool clustered = !command_line.has("selftest") && !command_line.has("bench") && !command_line.has("nocluster")
        && cluster::service_start(command_line);
    if (command_line.has("selftest"))
        run_selftests();
    if (command_line.has("bench"))
        run_benchmarks();
    if (clustered && !command_line.has("node"))
        await_node_number(command_line.has("netboot"));

    debug_print("unum: boot complete\n");
    // The first user process: init= names it (init=none keeps the console in the
    // monitor); by default /bin/init runs when the initrd has one.
    StringView init_path = command_line.has("init") ? command_line.get("init") : StringView("/bin/init");
    bool explicit_init = command_line.has("init");
    if (init_path != StringView("none")) {
        if (auto started = start_user_init(init_path); !started.is_error()) {
            monitor_register_command({ "exit", "leave the monitor, back to the console", command_exit_monitor });
            run_monitor_on_escape();
        } else if (explicit_init || started.error() != Error::NoEntry) {
            log_error("init: cannot start %.*s: %s; staying in the monitor", int(init_path.length()),
                init_path.characters(), error_name(started.error()));
        }
    }
    ConsoleMonitorIo io;
    monitor_run(io);
    panic("the monitor's input closed");
}
