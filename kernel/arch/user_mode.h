// The arch seam, user-mode part: entering user mode, and reading or changing the
// registers a user thread saved on kernel entry (fork, exec, signal delivery).
#pragma once

#include "arch_impl/user_registers.h"
#include "kernel/lib/types.h"

namespace arch {

// Leaves the kernel for user mode at entry with the given stack pointer, all
// other registers zeroed. Runs on the current thread's kernel stack; never returns.
[[noreturn]] void enter_user_mode(u64 entry, u64 stack_pointer);
// Resumes user mode with exactly these registers (a forked child's first run).
[[noreturn]] void resume_user_mode(UserRegisters const& registers);

u64 user_instruction_pointer(UserRegisters const& registers);
u64 user_stack_pointer(UserRegisters const& registers);
// Sets what the interrupted system call returns.
void set_user_return_value(UserRegisters& registers, u64 value);
// Makes the system call `number` that these registers return from run again
// when they resume (back over the system-call instruction, number restored).
void restart_system_call(UserRegisters& registers, u64 number);
// A fresh start at entry/stack (exec): every other register cleared.
void reset_user_registers(UserRegisters& registers, u64 entry, u64 stack_pointer);
// Enters a signal handler: ip = handler, sp = stack_pointer, first argument = signal.
void enter_signal_handler(UserRegisters& registers, u64 handler, u64 stack_pointer, int signal);
// Makes registers restored from user memory (sigreturn) safe: user segments,
// interrupts on, no I/O privilege. False if they cannot be made safe.
bool sanitize_user_registers(UserRegisters& registers);

} // namespace arch
