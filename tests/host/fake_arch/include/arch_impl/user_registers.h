// Host fake of the saved user registers: enough fields for portable code.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

struct UserRegisters {
    u64 ip;
    u64 sp;
    u64 result;
    u64 arg0;
    u64 flags;
};

} // namespace arch
