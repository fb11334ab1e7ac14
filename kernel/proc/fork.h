// fork(2) and execve(2): copying the calling process (address space copy-on-write,
// descriptors shared, signal dispositions inherited) and replacing its program.
#pragma once

#include "kernel/syscall/syscall_dispatch.h"

// A non-root user may have at most this many processes on a node (fork bombs hit
// EAGAIN, not the kernel's memory).
inline constexpr usize MAX_PROCESSES_PER_USER = 64;
inline constexpr usize MAX_PROCESSES = 1024;

Result<u64> sys_fork(SyscallArgs const& args);
Result<u64> sys_execve(SyscallArgs const& args);
