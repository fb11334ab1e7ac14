// The MCFG table: where PCI Express configuration space is memory-mapped (ECAM),
// per PCI segment and bus range.
#pragma once

#include "kernel/acpi/acpi_table.h"
#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"

namespace acpi {

// Appends the table's ECAM regions to info.ecam. BadMessage when the table is
// not an MCFG or is shorter than its fixed part; a trailing partial entry and
// entries with an inverted bus range or a zero base are ignored (dropped_entries).
Result<void> parse_mcfg(AcpiTable const& table, PlatformInfo& info);

} // namespace acpi
