// Signal delivery to the current process on its way back to user mode, and the
// system calls that manage signals (sigaction, sigprocmask, sigreturn).
// Delivery runs in thread context with interrupts enabled.
#pragma once

#include "kernel/arch/user_mode.h"
#include "kernel/syscall/syscall_dispatch.h"

// A system call that returned EINTR because of a signal.
struct InterruptedCall {
    u64 number;
};

// Acts on every deliverable pending signal: ignores, terminates (never returns),
// stops until SIGCONT, or rewrites registers to enter the handler. Returns true
// when a handler will run. An interrupted call (interrupted non-null) then
// reports EINTR, unless the handler has SA_RESTART and the call is restartable
// (not nanosleep, poll or select, as in POSIX): then it runs again after the
// handler returns. With no handler the arch restarts it, so a stop and continue
// is invisible.
bool deliver_pending_signals(arch::UserRegisters& registers, InterruptedCall const* interrupted = nullptr);

// True when the current process has a signal that would interrupt a sleep.
bool current_has_deliverable_signal();

Result<u64> sys_sigaction(SyscallArgs const& args);
Result<u64> sys_sigprocmask(SyscallArgs const& args);
Result<u64> sys_sigreturn(SyscallArgs const& args);
