// x86 platform bring-up after memory: FPU, legacy PIC, ACPI, LAPIC/IOAPIC, PCI
// configuration access, the timer, the screen console and console input.
#pragma once

#include "kernel/boot/boot_info.h"
#include "kernel/boot/command_line.h"

namespace x86 {

void platform_init(BootInfo const& boot_info, CommandLine const& command_line);

} // namespace x86
