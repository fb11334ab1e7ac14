// The arch seam, interrupt part: device interrupts for portable drivers. A driver
// never sees vectors or interrupt controllers; it names the legacy PCI INTx line
// (the Interrupt Line register firmware programmed) and gets its handler called.
// Implemented by arch/x86/pci_irq.cpp and by tests/host/fake_arch/irq.cpp.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace arch {

// Runs in interrupt context with interrupts disabled: it must not block, allocate
// or take a sleeping lock. Returns true when its device raised the interrupt (and
// has been quietened, e.g. by reading its cause register); false otherwise.
using PciIrqHandler = bool (*)(void* context);

// Calls handler on every interrupt of the PCI INTx line `line` (0-15, the PC's
// ISA-numbered lines that PCI interrupt routers feed) and unmasks the line. A line
// may be shared: every handler on it runs for each interrupt. InvalidArgument for
// a line above 15, NoSpace when the line has no room for another handler, NoDevice
// without an interrupt controller that can deliver it.
Result<void> install_pci_irq_handler(u8 line, PciIrqHandler handler, void* context);

} // namespace arch
