// The RSDP, ACPI's root pointer: validated from a copy (the Multiboot2 ACPI tag)
// or found by scanning the BIOS areas. It names the RSDT and, from ACPI 2.0 on,
// the XSDT.
#pragma once

#include "kernel/acpi/acpi_memory.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace acpi {

inline constexpr usize RSDP_V1_LENGTH = 20;
inline constexpr usize RSDP_V2_LENGTH = 36;

struct Rsdp {
    u8 revision { 0 };
    PhysAddr rsdt_address { 0 };
    // Zero unless the ACPI 2.0 part is present and its extended checksum holds.
    PhysAddr xsdt_address { 0 };
    char oem_id[7] {};
};

// Validates length bytes of an RSDP copy: signature and the ACPI 1.0 checksum must
// hold (BadMessage otherwise); the 2.0 part is used only when it is complete and
// its own checksum holds.
Result<Rsdp> parse_rsdp(u8 const* bytes, usize length);

// Looks for the RSDP where legacy BIOSes put it: the first KiB of the EBDA, then
// 0xE0000-0xFFFFF, on 16-byte boundaries. NoEntry when absent (e.g. under UEFI).
Result<PhysAddr> find_rsdp_in_bios(AcpiMemory const& memory);

// Sum of bytes modulo 256; a valid ACPI structure sums to zero.
u8 checksum(u8 const* bytes, usize length);

} // namespace acpi
