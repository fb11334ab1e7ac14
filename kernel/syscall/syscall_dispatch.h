// The portable system-call dispatcher: the arch entry passes the number and six
// argument registers; each syscall family validates its arguments (copying user
// memory in through UserPtr) before calling into a subsystem. Errors become
// -errno only here, at the boundary.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

struct SyscallArgs {
    u64 arg[6];
};

using SyscallHandler = Result<u64> (*)(SyscallArgs const& args);

// Returns the value for the user's rax: a result, or -errno.
i64 syscall_dispatch(u64 number, SyscallArgs const& args);
