// The legacy 8259 PIC pair. Normally remapped and fully masked (the APICs do the
// work); without a LAPIC it is the fallback interrupt controller, delivering ISA
// IRQ n on vector IRQ_VECTOR_BASE + n.
#pragma once

#include "kernel/lib/types.h"

namespace x86 {

// Remaps both PICs to IRQ_VECTOR_BASE..+15 (away from the exception vectors) and
// masks every line. Call once, early, with interrupts off.
void pic_disable();
// Switches to PIC mode: lapic_eoi() then acknowledges the PICs. Lines stay masked
// until pic_unmask().
void pic_enable_fallback();
bool pic_fallback_active();

// Caller must not race other mask changes (boot-time or under the caller's lock).
void pic_mask(u8 irq);
void pic_unmask(u8 irq);
// Non-specific EOI to both PICs: interrupts do not nest here, so at most one
// line is in service and the extra EOI is harmless.
void pic_eoi();

} // namespace x86
