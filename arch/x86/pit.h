// The 8254 PIT: the one timer whose frequency is known (1.193182 MHz), so the
// TSC and LAPIC timer are measured against it. Channel 2 (gated through port
// 0x61, output readable there) times a calibration window by polling; channel 0
// drives IRQ 0 as the fallback tick.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

inline constexpr u32 PIT_HZ = 1193182;

// A calibration window on channel 2: arm it (gate low), then start it and poll
// until it expires. Interrupts should be off so polling sees the edge promptly.
// Caller: boot-time only (the channel and port 0x61 are not locked).
void pit_window_arm(u16 pit_ticks);
void pit_window_start();
bool pit_window_expired();

// Programs channel 0 as a rate generator at about hz (IRQ 0). InvalidArgument
// when hz is outside what a 16-bit divisor allows (19..1193182).
Result<void> pit_start_periodic(u32 hz);

} // namespace x86
