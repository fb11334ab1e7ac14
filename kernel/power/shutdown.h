// System shutdown: the one way the kernel powers off or reboots on request (the
// reboot system call). Kernel services register hooks that run first, newest
// first, in the calling thread with interrupts on, so they may sleep (the
// cluster layer uses one to leave the cluster cleanly). Each hook bounds its
// own time: nothing here times it out.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/power/shutdown_hook_table.h"

enum class ShutdownKind : u8 { PowerOff, Reboot };

// "power off" or "reboot", as the log says it.
char const* shutdown_kind_name(ShutdownKind kind);

// Adds a hook to the kernel's table (at most ShutdownHookTable::CAPACITY); name
// must be a string literal. InvalidArgument or NoSpace as ShutdownHookTable::add.
// Call at service start-up; safe from any thread.
Result<void> register_shutdown_hook(char const* name, ShutdownHook hook, void* context);

// Logs "shutdown: <kind>" and runs every registered hook (logging each name),
// then returns how many ran. The part of system_shutdown host tests can run.
usize run_shutdown_hooks(ShutdownKind kind);

// run_shutdown_hooks, then arch::power_off or arch::reboot. Call from a thread
// that may sleep. Only the first caller proceeds; any later one (a second
// process asking while hooks run) sleeps until the machine goes away.
[[noreturn]] void system_shutdown(ShutdownKind kind);
