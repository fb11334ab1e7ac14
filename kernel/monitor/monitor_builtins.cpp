// Built-in monitor commands, each answering from one subsystem's statistics.
#include "kernel/monitor/monitor_builtins.h"

#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/cpu/clock_info.h"
#include "kernel/cpu/cpu_features.h"
#include "kernel/log/klog.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/mm/heap.h"
#include "kernel/monitor/monitor.h"
#include "kernel/sched/scheduler.h"

namespace {

void command_mem(MonitorIo& io, StringView)
{
    FrameStats frames = frame_allocator().stats();
    io.print("frames: %llu total, %llu free, %llu used (%llu KiB free of %llu KiB)\n",
        (unsigned long long)frames.total_frames, (unsigned long long)frames.free_frames,
        (unsigned long long)frames.used_frames, (unsigned long long)(frames.free_frames * 4),
        (unsigned long long)(frames.total_frames * 4));
    HeapStats heap = heap_stats();
    io.print("heap: %llu bytes in use, %llu frames held, %llu allocations, %llu frees, %llu failed\n",
        (unsigned long long)heap.bytes_in_use, (unsigned long long)heap.frames_held,
        (unsigned long long)heap.allocations, (unsigned long long)heap.frees,
        (unsigned long long)heap.failed_allocations);
}

void command_threads(MonitorIo& io, StringView)
{
    sched::ThreadInfo threads[64];
    usize total = sched::snapshot_threads(threads, 64);
    io.print("%-6s %-16s %-9s %4s %10s\n", "ID", "NAME", "STATE", "PRIO", "CPU(ms)");
    for (usize i = 0; i < total && i < 64; ++i) {
        sched::ThreadInfo const& t = threads[i];
        io.print("%-6llu %-16s %-9s %4u %10llu\n", (unsigned long long)t.id, t.name,
            thread_state_name(t.state), unsigned(t.priority), (unsigned long long)(t.cpu_time_ns / 1000000));
    }
    if (total > 64)
        io.print("(%zu more)\n", total - 64);
    io.print("context switches: %llu\n", (unsigned long long)sched::context_switch_count());
}

void command_log(MonitorIo& io, StringView)
{
    u64 cursor = 0;
    char buffer[512];
    for (;;) {
        usize n = klog_read(cursor, buffer, sizeof(buffer));
        if (n == 0)
            break;
        io.write(buffer, n);
    }
}

void command_uptime(MonitorIo& io, StringView)
{
    u64 ns = arch::monotonic_ns();
    u64 seconds = ns / 1000000000ull;
    io.print("up %llu.%03llu s (%llu ticks at %u Hz)\n", (unsigned long long)seconds,
        (unsigned long long)(ns / 1000000ull % 1000), (unsigned long long)sched::ticks(), sched::tick_hz());
}

void command_cpu(MonitorIo& io, StringView)
{
    CpuFeatures const& cpu = boot_cpu_features();
    io.print("cpu0: %s %s, family %u model %u stepping %u\n", cpu.vendor(), cpu.brand(), cpu.family(),
        cpu.model(), cpu.stepping());
    static char features[1024];
    cpu.format(features, sizeof(features));
    io.print("features: %s\n", features);
    ClockInfo clock = clock_info();
    io.print("cycle counter: %llu kHz%s; tick timer: %s at %llu kHz, %u Hz, %llu ticks\n",
        (unsigned long long)(clock.cycle_counter_hz / 1000), clock.invariant_cycle_counter ? " (invariant)" : "",
        clock.tick_source, (unsigned long long)(clock.tick_timer_hz / 1000), clock.tick_hz,
        (unsigned long long)clock.ticks);
}

void command_reboot(MonitorIo& io, StringView)
{
    io.print("rebooting\n");
    arch::reboot();
}

} // namespace

void monitor_register_builtins()
{
    monitor_register_command({ "mem", "physical frames and kernel heap usage", command_mem });
    monitor_register_command({ "threads", "kernel threads and their CPU time", command_threads });
    monitor_register_command({ "log", "the kernel log ring buffer", command_log });
    monitor_register_command({ "cpu", "processor, CPUID features and clocks", command_cpu });
    monitor_register_command({ "uptime", "time since boot", command_uptime });
    monitor_register_command({ "reboot", "restart the machine", command_reboot });
}
