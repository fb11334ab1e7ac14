// The arch seam, user-mode part: entering user mode and the system-call hook.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

// Leaves the kernel for user mode at entry with the given stack pointer, all
// other registers zeroed. Runs on the current thread's kernel stack; never returns.
[[noreturn]] void enter_user_mode(u64 entry, u64 stack_pointer);

} // namespace arch
