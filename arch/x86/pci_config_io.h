// x86 PCI configuration mechanism #1 (ports 0xCF8/0xCFC): the fallback behind the
// arch PCI seam (arch/x86/pci_config.cpp) and the reference ECAM is checked against.
// Safe from any thread: each access holds the mechanism's spinlock.
#pragma once

#include "kernel/lib/types.h"

namespace x86 {

// offset < 256 (the low two bits are ignored); the caller checks the range.
u32 pci_io_read32(u8 bus, u8 device, u8 function, u16 offset);
void pci_io_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value);
// Probes the address register; the previous value is put back.
bool pci_io_present();

} // namespace x86
