// x86: a user thread's registers as saved on kernel entry (the interrupt/syscall
// frame), the unit fork copies, exec resets and signal delivery saves.
#pragma once

#include "arch/x86/interrupts.h"

namespace arch {

struct UserRegisters {
    x86::InterruptFrame frame;
};

} // namespace arch
