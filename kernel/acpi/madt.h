// The MADT ("APIC" table): CPUs' local APICs, IOAPICs, ISA interrupt overrides and
// NMI wiring. Entries are variable-length records; a malformed record ends the walk
// (its length cannot be trusted to find the next one).
#pragma once

#include "kernel/acpi/acpi_table.h"
#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"

namespace acpi {

// Fills the MADT part of info (has_madt, local_apic_address, has_legacy_pics,
// cpus, ioapics, overrides, NMIs). BadMessage when the table is too short for its
// fixed fields or not a MADT; a record that overruns the table or has a length
// below 2 stops the walk (counted in dropped_entries) with what was read so far kept.
Result<void> parse_madt(AcpiTable const& table, PlatformInfo& info);

} // namespace acpi
