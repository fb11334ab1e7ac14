// The IDT and the C++ side of interrupt dispatch: exceptions go to the exception
// reporter (or an extable fixup), hardware vectors to the registered handler,
// followed by the LAPIC EOI and a preemption check.
#include "arch/x86/exceptions.h"
#include "arch/x86/gdt.h"
#include "arch/x86/interrupts.h"
#include "kernel/proc/signal_delivery.h"
#include "kernel/sched/scheduler.h"

extern "C" u64 const x86_isr_table[256];

namespace x86 {
namespace {

struct [[gnu::packed]] IdtEntry {
    u16 offset_low;
    u16 selector;
    u8 ist;
    u8 type_attributes;
    u16 offset_middle;
    u32 offset_high;
    u32 reserved;
};

struct [[gnu::packed]] IdtPointer {
    u16 limit;
    u64 base;
};

struct HandlerSlot {
    InterruptHandler handler;
    void* context;
};

alignas(16) IdtEntry g_idt[256];
HandlerSlot g_handlers[256];
u64 g_interrupt_counts[256];

void set_gate(u8 vector, u64 address, u8 ist)
{
    IdtEntry& e = g_idt[vector];
    e.offset_low = address & 0xffff;
    e.selector = KERNEL_CODE_SELECTOR;
    e.ist = ist;
    e.type_attributes = 0x8E; // present, DPL 0, 64-bit interrupt gate
    e.offset_middle = (address >> 16) & 0xffff;
    e.offset_high = address >> 32;
    e.reserved = 0;
}

} // namespace

void idt_init()
{
    for (int v = 0; v < 256; ++v)
        set_gate(u8(v), x86_isr_table[v], 0);
    g_idt[2].ist = IST_NMI;
    g_idt[8].ist = IST_DOUBLE_FAULT;
    g_idt[18].ist = IST_MACHINE_CHECK;
    IdtPointer pointer { sizeof(g_idt) - 1, reinterpret_cast<u64>(g_idt) };
    asm volatile("lidt %0" : : "m"(pointer));
}

void set_interrupt_handler(u8 vector, InterruptHandler handler, void* context)
{
    g_handlers[vector].context = context;
    __atomic_store_n(&g_handlers[vector].handler, handler, __ATOMIC_RELEASE);
}

u64 interrupt_count(u8 vector) { return __atomic_load_n(&g_interrupt_counts[vector], __ATOMIC_RELAXED); }

} // namespace x86

extern "C" void x86_interrupt_dispatch(x86::InterruptFrame* frame)
{
    using namespace x86;
    u8 vector = u8(frame->vector);
    __atomic_fetch_add(&g_interrupt_counts[vector], 1, __ATOMIC_RELAXED);
    InterruptHandler handler = __atomic_load_n(&g_handlers[vector].handler, __ATOMIC_ACQUIRE);

    if (vector < 32) {
        if (handler)
            handler(*frame, g_handlers[vector].context);
        else
            handle_exception(*frame);
    } else if (vector != SPURIOUS_VECTOR) {
        if (handler)
            handler(*frame, g_handlers[vector].context);
        lapic_eoi();
        sched::preempt_if_needed();
    }
    // Back to user mode: act on signals first (they may end or stop the process).
    if ((frame->cs & 3) == 3) {
        asm volatile("sti" : : : "memory");
        deliver_pending_signals(*reinterpret_cast<arch::UserRegisters*>(frame));
        asm volatile("cli" : : : "memory");
    }
}
