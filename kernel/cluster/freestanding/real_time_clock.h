// The wall clock at boot, read from the PC's CMOS real-time clock, for the
// cluster incarnation (docs/cluster.md, Identity). Kernel-only (port I/O).
#pragma once

#include "kernel/lib/types.h"

// Milliseconds since 1970-01-01 UTC (the RTC's seconds, plus the milliseconds
// of uptime within the current second so two boots in one second still differ).
u64 real_time_clock_ms();
