// x86 interrupt dispatch: the IDT's common stub saves an InterruptFrame and calls
// the handler registered for its vector. Vectors 0-31 are exceptions, 32 is the
// LAPIC timer, 48-79 are IOAPIC device IRQs, 0xFF is the LAPIC spurious vector.
#pragma once

#include "kernel/lib/types.h"

namespace x86 {

struct InterruptFrame {
    u64 r15, r14, r13, r12, r11, r10, r9, r8;
    u64 rbp, rdi, rsi, rdx, rcx, rbx, rax;
    u64 vector, error_code;
    // Pushed by the CPU.
    u64 rip, cs, rflags, rsp, ss;
};

inline constexpr u8 TIMER_VECTOR = 32;
inline constexpr u8 IRQ_VECTOR_BASE = 48;
inline constexpr u8 SPURIOUS_VECTOR = 0xFF;

using InterruptHandler = void (*)(InterruptFrame& frame, void* context);

// Installs handler for vector (replacing any previous one). Safe before interrupts are on.
void set_interrupt_handler(u8 vector, InterruptHandler handler, void* context);

void idt_init();
void gdt_init();

// Called at the end of every hardware interrupt: acknowledges the LAPIC
// (implemented by the APIC code).
void lapic_eoi();

} // namespace x86
