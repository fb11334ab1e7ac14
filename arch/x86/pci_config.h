// x86 PCI configuration access selection: called once at boot, before PCI
// enumeration, to choose between ECAM and ports 0xCF8/0xCFC for the arch seam.
#pragma once

#include "kernel/acpi/platform_info.h"

namespace x86 {

// Uses segment 0's ECAM region from the MCFG when there is a usable one covering
// bus 0, it maps, and 00:00.0 reads the same vendor/device through it as through
// the ports; otherwise configuration mechanism #1. Logs the choice. Call before
// other CPUs or threads touch PCI (the choice is not locked).
void pci_config_init(acpi::PlatformInfo const& info);

} // namespace x86
