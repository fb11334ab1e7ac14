// The arch seam, PCI part: reading and writing a function's configuration space.
// Implemented by arch/x86/ (ECAM from ACPI MCFG when usable, else configuration
// mechanism #1, ports 0xCF8/0xCFC) and by tests/host/fake_arch/ as a programmable
// fake. Safe to call from any thread once the platform is up.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

// How configuration space is reached, for the boot log, /proc/pci and the monitor.
struct PciConfigMethod {
    enum class Kind : u8 { None, Ports, Ecam };
    Kind kind = Kind::None;
    // Ecam only: MCFG's base address (where bus 0 lies) and the buses the window
    // covers. Buses outside it are still reached through the ports.
    PhysAddr ecam_base = 0;
    u8 bus_start = 0;
    u8 bus_end = 0;
};

// offset is a byte offset into the function's configuration space; it must be
// 4-aligned (the low two bits are ignored). 0..255 is the PCI header and always
// works; 256..4095 is the PCI Express extended space, reachable only where
// pci_config_extended_available(bus): elsewhere such reads return all ones and
// writes are dropped. Absent functions read as all ones; writes to them vanish.
u32 pci_config_read32(u8 bus, u8 device, u8 function, u16 offset);
void pci_config_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value);
// False when the machine has no configuration mechanism this code can use.
bool pci_config_available();
// True when bus is reached through ECAM, so offsets 256..4095 work on it.
bool pci_config_extended_available(u8 bus);
PciConfigMethod pci_config_method();

} // namespace arch
