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
// Routes a legacy PCI INTx line (the ISA-numbered Interrupt Line firmware wrote into
// configuration space) to vector on the boot CPU, unmasked: the GSI and any polarity
// the MADT overrides give for that ISA IRQ, level-triggered, and active-high when the
// override leaves polarity to the bus (PIIX/ICH routers feed the IOAPIC active-high;
// QEMU's MADT marks lines 5, 9, 10, 11 level/active-high explicitly). In PIC fallback
// mode, unmasks the PIC line (vector must be IRQ_VECTOR_BASE + line). NoDevice with
// neither controller; InvalidArgument for a line above 15.
Result<void> ioapic_route_pci_line(u8 line, u8 vector);
// The GSI a PCI INTx line arrives on (for masking it); the line itself in PIC mode.
u32 ioapic_gsi_of_pci_line(u8 line);
// Masks or unmasks an already-routed line. NoEntry when no IOAPIC serves it.
Result<void> ioapic_set_masked(u32 gsi, bool masked);
Result<void> ioapic_set_irq_masked(u8 irq, bool masked);

// The raw 64-bit redirection entry for gsi (for self-tests and the monitor).
Result<u64> ioapic_read_entry(u32 gsi);

} // namespace x86
