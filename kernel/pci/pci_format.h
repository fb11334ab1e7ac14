// PCI listing: one lspci-style line per function and names for common classes.
// Used by the monitor's `pci` command and /proc/pci.
#pragma once

#include "kernel/arch/pci_config.h"
#include "kernel/lib/types.h"
#include "kernel/pci/pci_device.h"

namespace pci {

// "00:03.0 8086:100e class 02.00.00 irq 11 bar0 mem 0xfebc0000 size 0x20000 ..."
// (irq "-" when the function has no INTx). Same contract as format(): always
// NUL-terminated, returns the untruncated length.
usize format_device(PciDevice const& device, char* buffer, usize size);
// "# config: ecam 0xb0000000 buses 0-255", "# config: ports 0xcf8/0xcfc" or
// "# config: none": the header line of the listing. Same contract as format_device.
usize format_config_method(arch::PciConfigMethod const& method, char* buffer, usize size);
// "Ethernet controller", "SATA controller", ...; a class-level name when the
// subclass is not listed, "Unknown" otherwise. Never null.
char const* class_name(u8 class_code, u8 subclass);

} // namespace pci
