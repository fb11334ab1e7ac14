// What the clock hardware is doing, for the debug monitor's `cpu` command and the
// log. Portable declaration; the arch (arch/x86/timer.cpp) implements it.
#pragma once

#include "kernel/lib/types.h"

struct ClockInfo {
    // Calibrated frequencies; 0 when not (yet) calibrated.
    u64 cycle_counter_hz;
    u64 tick_timer_hz;
    // Periodic tick rate and the ticks delivered so far.
    u32 tick_hz;
    u64 ticks;
    // "lapic", "pit" or "none".
    char const* tick_source;
    // The cycle counter runs at a constant rate in every power state.
    bool invariant_cycle_counter;
};

ClockInfo clock_info();
