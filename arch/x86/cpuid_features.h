// Reads the boot CPU's CPUID into the portable feature table (kernel/cpu/).
#pragma once

#include "kernel/cpu/cpu_features.h"

namespace x86 {

// Executes CPUID on the boot CPU and decodes it; boot_cpu_features() is valid
// afterwards. Call once, early (before timer_init, which checks for an invariant TSC).
void cpu_features_init();
// The raw values decoded, for the monitor and for debugging.
CpuidLeaves const& boot_cpuid_leaves();

} // namespace x86
