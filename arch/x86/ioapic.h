// IOAPICs: route device interrupt lines (GSIs) to vectors on a CPU. ISA IRQs go
// through the MADT's interrupt source overrides; without an IOAPIC (PIC fallback)
// ISA IRQ n can only be delivered on IRQ_VECTOR_BASE + n.
#pragma once

#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

// Maps every IOAPIC the MADT lists and masks all its redirection entries. Keeps a
// copy of info's overrides. NoDevice when the MADT lists none. Boot CPU, once,
// after lapic_init (routes target lapic_id()).
Result<void> ioapic_init(acpi::PlatformInfo const& info);
usize ioapic_count();

// Routes ISA IRQ irq (0-15) to vector on the boot CPU and unmasks it, with the
// polarity and trigger the overrides give. In PIC fallback mode (no IOAPIC or no
// LAPIC), unmasks the PIC line if vector == IRQ_VECTOR_BASE + irq (InvalidArgument otherwise). NoDevice
// with neither controller. Safe from any context (internally locked).
Result<void> ioapic_route_irq(u8 irq, u8 vector);
// Routes a GSI (e.g. a PCI INTx line, usually active-low level) to vector on the
// CPU with APIC id destination, unmasked. NoEntry when no IOAPIC serves gsi.
Result<void> ioapic_route_gsi(u32 gsi, u8 vector, bool active_low, bool level_triggered, u32 destination);
// Masks or unmasks an already-routed line. NoEntry when no IOAPIC serves it.
Result<void> ioapic_set_masked(u32 gsi, bool masked);
Result<void> ioapic_set_irq_masked(u8 irq, bool masked);

// The raw 64-bit redirection entry for gsi (for self-tests and the monitor).
Result<u64> ioapic_read_entry(u32 gsi);

} // namespace x86
