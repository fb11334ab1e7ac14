// The x86 boot sequence's results that later x86 code may consult.
#pragma once

#include "kernel/boot/boot_info.h"

namespace x86 {

// The parsed Multiboot2 information (valid after kernel_entry's first steps).
BootInfo const& boot_info();

} // namespace x86
