// Sleep types from the DSDT: the SLP_TYPa/SLP_TYPb pair that the \_Sx_ objects
// (\_S5_ for soft off) give for the PM1 control registers. Read straight from
// the AML bytes without an interpreter, which works because firmware declares
// these objects as a plain Name holding a constant Package.
#pragma once

#include "kernel/acpi/acpi_table.h"
#include "kernel/acpi/byte_reader.h"
#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"

namespace acpi {

struct SleepType {
    u8 a;
    u8 b;
};

// Finds `Name (_Sx_, Package () { SLP_TYPa, SLP_TYPb, ... })` (state x in 0..5,
// the name optionally rooted with '\') in AML bytes: NameOp, the name, PackageOp,
// PkgLength, NumElements >= 2 and two integers encoded as ZeroOp, OneOp or
// BytePrefix, each at most 7 (SLP_TYP is 3 bits). A candidate that does not decode
// (truncated package, other opcodes) is skipped for the next one. NoEntry when the
// name never appears, BadMessage when no appearance decodes, InvalidArgument for
// a state above 5.
Result<SleepType> find_sleep_type(ByteReader const& aml, u8 state);

// Sets power.has_s5 and the S5 sleep types from a DSDT. BadMessage when the table
// is not a DSDT; find_sleep_type's errors otherwise (power is then unchanged).
Result<void> parse_dsdt_s5(AcpiTable const& dsdt, PowerControl& power);

} // namespace acpi
