// The arch seam, PCI part: reading and writing a function's configuration space.
// Implemented by arch/x86/ (configuration mechanism #1, ports 0xCF8/0xCFC) and by
// tests/host/fake_arch/ as a programmable fake. Safe to call from any thread.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

// offset is a byte offset into the 256-byte header; it must be 4-aligned (the low
// two bits are ignored). Absent functions read as all ones; writes to them vanish.
u32 pci_config_read32(u8 bus, u8 device, u8 function, u16 offset);
void pci_config_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value);
// False when the machine has no configuration mechanism this code can use.
bool pci_config_available();

} // namespace arch
