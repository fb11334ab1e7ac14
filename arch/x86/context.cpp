// x86-64 implementation of the arch context seam (kernel/arch/context.h): builds a
// new thread's first stack frame for context_switch.S, and switches the FPU state
// and the TSS kernel stack along with the registers.
#include "kernel/arch/context.h"

#include "arch/x86/fpu.h"
#include "arch/x86/gdt.h"
#include "kernel/panic.h"

extern "C" void x86_switch_stacks(u64* save_rsp, u64 new_rsp);
extern "C" void x86_thread_trampoline();

extern "C" [[noreturn]] void x86_thread_returned()
{
    panic("thread entry returned to the x86 trampoline");
}

namespace arch {

// Frame popped by x86_switch_stacks on the first switch into a thread, lowest
// address first (the order context_switch.S pops).
struct InitialFrame {
    u64 r15, r14, r13, r12, rbx, rbp;
    u64 return_address;
};

Result<void> context_init(ThreadContext& ctx, void* stack_base, usize stack_size,
    void (*entry)(void*), void* arg)
{
    KASSERT(x86::fpu_initialized());
    u64 top = align_down(reinterpret_cast<u64>(stack_base) + stack_size, 16);
    // After `ret` pops return_address, rsp = top - 16: 16-byte aligned before the
    // trampoline's call, as the ABI wants; the 16 bytes above stay zero.
    auto* frame = reinterpret_cast<InitialFrame*>(top - 16 - sizeof(InitialFrame));
    *reinterpret_cast<u64*>(top - 16) = 0;
    *reinterpret_cast<u64*>(top - 8) = 0;
    *frame = InitialFrame {};
    frame->r13 = reinterpret_cast<u64>(entry);
    frame->r12 = reinterpret_cast<u64>(arg);
    frame->return_address = reinterpret_cast<u64>(&x86_thread_trampoline);
    TRY(x86::fpu_alloc_state(ctx.fpu_area, ctx.fpu_allocation));
    ctx.rsp = reinterpret_cast<u64>(frame);
    ctx.stack_top = top;
    return {};
}

Result<void> context_init_current(ThreadContext& ctx)
{
    KASSERT(x86::fpu_initialized());
    TRY(x86::fpu_alloc_state(ctx.fpu_area, ctx.fpu_allocation));
    ctx.rsp = 0;
    ctx.stack_top = 0;
    return {};
}

void context_switch(ThreadContext& from, ThreadContext& to)
{
    // Restoring `to` before the switch also covers its first run, which does not
    // come back through here. The kernel uses no FPU registers in between.
    x86::fpu_save(from.fpu_area);
    x86::fpu_restore(to.fpu_area);
    if (to.stack_top)
        x86::tss_set_kernel_stack(to.stack_top);
    x86_switch_stacks(&from.rsp, to.rsp);
}

void context_destroy(ThreadContext& ctx)
{
    x86::fpu_free_state(ctx.fpu_allocation);
    ctx.fpu_allocation = nullptr;
    ctx.fpu_area = nullptr;
    ctx.rsp = 0;
}

} // namespace arch
