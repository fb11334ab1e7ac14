// Picks and starts the screen console: the framebuffer GRUB handed over (UEFI, or
// BIOS when GRUB chose graphics), else VGA text mode.
#pragma once

#include "kernel/boot/boot_info.h"

namespace x86 {

// Returns true when a screen console is running.
bool screen_console_init(BootInfo const& boot_info);

} // namespace x86
