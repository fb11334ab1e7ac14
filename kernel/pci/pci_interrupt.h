// Legacy PCI interrupts (INTx) for drivers: which line a function uses and the
// handler installation, through the arch seam (kernel/arch/irq.h). MSI is not done.
#pragma once

#include "kernel/arch/irq.h"
#include "kernel/lib/result.h"
#include "kernel/pci/pci_device.h"

namespace pci {

inline constexpr u16 COMMAND_INTX_DISABLE = 1u << 10;
// Lines firmware programs for the PC's interrupt router are ISA-numbered, 0-15.
inline constexpr u8 MAX_LEGACY_LINE = 15;

// Installs handler on the function's INTx line and lets the function assert it
// (clears the command register's Interrupt Disable bit). NoDevice when the function
// has no INTx pin or firmware left the line unassigned (0xFF); InvalidArgument for
// a line above MAX_LEGACY_LINE; otherwise what arch::install_pci_irq_handler says.
Result<void> install_interrupt_handler(PciDevice const& device, arch::PciIrqHandler handler, void* context);

// Sets or clears the command register's Interrupt Disable bit.
void set_intx_enabled(PciDevice const& device, bool enabled);

} // namespace pci
