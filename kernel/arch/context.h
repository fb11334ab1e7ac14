// The arch seam, thread part: saving and resuming a kernel thread's CPU state,
// including its FPU/SSE state. The layout of ThreadContext is the arch's own
// (picked by include path: arch_impl/ is arch/x86/include or the host fake).
#pragma once

#include "arch_impl/thread_context.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace arch {

// Prepares ctx so that the first context_switch() into it runs entry(arg) on the
// given stack, with interrupts still disabled (the scheduler's start routine
// releases the run-queue lock and enables them). Allocates the FPU save area.
Result<void> context_init(ThreadContext& ctx, void* stack_base, usize stack_size,
    void (*entry)(void*), void* arg);
// Adopts the currently running flow of control (the boot thread) as ctx.
Result<void> context_init_current(ThreadContext& ctx);
// Saves the running state into from and resumes to. Caller has interrupts disabled.
void context_switch(ThreadContext& from, ThreadContext& to);
// Frees what context_init allocated. ctx must not be running.
void context_destroy(ThreadContext& ctx);

} // namespace arch
