// The portable system-call dispatcher: the arch entry passes the number and six
// argument registers; each syscall family validates its arguments (copying user
// memory in through UserPtr) before calling into a subsystem. Errors become
// -errno only here, at the boundary.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

#include "kernel/arch/user_mode.h"

struct SyscallArgs {
    u64 arg[6];
    // The caller's saved registers (fork copies them, exec and sigreturn replace
    // them); null in host tests that do not need them.
    arch::UserRegisters* registers { nullptr };
};

// Returned by a handler that rewrote the saved registers wholesale (sigreturn):
// the arch entry then leaves the return register as the handler set it.
inline constexpr i64 SYSCALL_KEEP_REGISTERS = i64(0x8000000000000000ull);

using SyscallHandler = Result<u64> (*)(SyscallArgs const& args);

// Returns the value for the user's rax: a result, or -errno.
i64 syscall_dispatch(u64 number, SyscallArgs const& args);
