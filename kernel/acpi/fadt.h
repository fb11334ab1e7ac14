// The FADT ("FACP" table): the fixed ACPI hardware registers (PM1 control blocks,
// SMI command port, reset register) and where the DSDT is. Three sizes exist in
// the wild (ACPI 1.0: 116 bytes, 2.0+: up to 276); fields past the declared
// length are treated as absent.
#pragma once

#include "kernel/acpi/acpi_table.h"
#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"

namespace acpi {

// Fills power's FADT part (has_fadt, the PM1 control ports, the SMI command port
// and ACPI_ENABLE value, dsdt_address, the reset register). A 64-bit X_ field
// wins over its 32-bit twin when the table holds it, it is nonzero and (for the
// PM1 blocks) in system I/O space; ports above 0xFFFF count as absent.
// BadMessage when the table is not a FADT or is shorter than ACPI 1.0's.
Result<void> parse_fadt(AcpiTable const& table, PowerControl& power);

} // namespace acpi
