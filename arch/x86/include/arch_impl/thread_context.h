// x86-64 thread context: the saved stack pointer (the callee-saved registers and
// the resume address sit on the thread's own stack, pushed by context_switch.S),
// the thread's FPU/SSE/AVX save area, and the stack top the TSS needs for rsp0.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

struct ThreadContext {
    u64 rsp { 0 };
    u64 stack_top { 0 };     // 0 for the adopted boot thread (its stack is not ours)
    u8* fpu_area { nullptr }; // 64-byte aligned, x86::fpu_state_size() bytes
    u8* fpu_allocation { nullptr };
};

} // namespace arch
