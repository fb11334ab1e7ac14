// The arch seam, time part: a monotonic clock and the periodic tick.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

// Nanoseconds since boot; monotonic, safe from any context.
u64 monotonic_ns();
// A raw cycle counter (rdtsc) for micro-benchmarks; units are CPU-specific.
u64 cycle_counter();

} // namespace arch
