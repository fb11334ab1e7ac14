// The HPET table: the base address of the High Precision Event Timer block.
#pragma once

#include "kernel/acpi/acpi_table.h"
#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"

namespace acpi {

// Sets info.has_hpet, hpet_address and hpet_min_tick. BadMessage when the table is
// not an HPET, is too short, or its address is not in memory space or is zero.
Result<void> parse_hpet(AcpiTable const& table, PlatformInfo& info);

} // namespace acpi
