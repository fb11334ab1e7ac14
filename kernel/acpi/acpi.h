// ACPI entry point: from the RSDP to a filled PlatformInfo (MADT, MCFG, HPET,
// and power control from the FADT and the DSDT's \_S5_).
// Portable and heap-free; runs once at boot, single-threaded, so no locking.
#pragma once

#include "kernel/acpi/acpi_memory.h"
#include "kernel/acpi/platform_info.h"
#include "kernel/acpi/rsdp.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace acpi {

// Fills info from the tables the RSDP leads to. Errors only when the root table
// (XSDT/RSDT) is unusable; a missing or corrupt MADT leaves has_madt false (the
// caller falls back to the PIC), a missing MCFG/HPET leaves those empty, and a
// missing or corrupt FADT, DSDT or \_S5_ leaves the matching part of info.power
// unset (power off is then unavailable; see PowerControl::can_power_off).
Result<void> parse_platform(AcpiMemory const& memory, Rsdp const& rsdp, PlatformInfo& info);

// Same, starting from an RSDP copy (e.g. the Multiboot2 ACPI tag's payload); with
// rsdp_bytes null, the RSDP is searched for in the BIOS areas.
Result<void> parse_platform(AcpiMemory const& memory, u8 const* rsdp_bytes, usize rsdp_length, PlatformInfo& info);

} // namespace acpi
