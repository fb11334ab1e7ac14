// x86 power control behind arch::power_off and arch::reboot: ACPI S5 through the
// FADT's PM1 control registers, reset through the FADT's reset register, then
// the legacy ways (keyboard controller, triple fault).
#pragma once

#include "kernel/acpi/platform_info.h"

namespace x86 {

// Keeps a copy of how to power off and reset (the caller's PlatformInfo may go
// away) and logs it. Call once at boot after ACPI is parsed; without it,
// power_off fails safe (halts) and reboot uses only the legacy ways.
void power_init(acpi::PowerControl const& power);

} // namespace x86
