// The kernel's clock and tick: the TSC, calibrated against the PIT, is the
// monotonic clock (arch::monotonic_ns); the LAPIC timer, calibrated the same way,
// raises TIMER_VECTOR periodically. Without a LAPIC the PIT ticks on IRQ 0
// through the PIC instead. ClockInfo (kernel/cpu/clock_info.h) reports both.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

// Calibrates the TSC and (if lapic_init succeeded) the LAPIC timer against the PIT
// by polling (no interrupts needed), then starts the periodic tick at hz. tick()
// runs in the timer interrupt with interrupts off; the interrupt dispatcher
// acknowledges the controller and preempts after it returns. Without a LAPIC,
// switches the PIC to fallback mode and ticks from PIT channel 0 on vector
// IRQ_VECTOR_BASE. Boot CPU, once, interrupts off.
Result<void> timer_init(u32 hz, void (*tick)());

// Calibrated TSC rate in Hz (0 before timer_init).
u64 tsc_frequency();
// Ticks delivered since timer_init.
u64 timer_ticks();

} // namespace x86
