// The kernel's shutdown hook table and the shutdown sequence built on it: log,
// hooks newest first, then the arch seam's power off or reboot.
#include "kernel/power/shutdown.h"

#include <atomic>

#include "kernel/arch/cpu.h"
#include "kernel/log/klog.h"
#include "kernel/sched/scheduler.h"

namespace {

ShutdownHookTable g_hooks;
std::atomic<bool> g_shutting_down { false };

void log_hook(char const* name) { log_info("shutdown: running hook %s", name); }

} // namespace

char const* shutdown_kind_name(ShutdownKind kind)
{
    switch (kind) {
    case ShutdownKind::PowerOff: return "power off";
    case ShutdownKind::Reboot: return "reboot";
    }
    return "?";
}

Result<void> register_shutdown_hook(char const* name, ShutdownHook hook, void* context)
{
    return g_hooks.add(name, hook, context);
}

usize run_shutdown_hooks(ShutdownKind kind)
{
    log_info("shutdown: %s", shutdown_kind_name(kind));
    usize ran = g_hooks.run_all(log_hook);
    log_info("shutdown: %zu hook%s done", ran, ran == 1 ? "" : "s");
    return ran;
}

[[noreturn]] void system_shutdown(ShutdownKind kind)
{
    if (g_shutting_down.exchange(true)) {
        for (;;)
            sched::sleep_ms(1000);
    }
    run_shutdown_hooks(kind);
    if (kind == ShutdownKind::Reboot)
        arch::reboot();
    arch::power_off();
}
