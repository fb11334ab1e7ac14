// In-kernel scheduler and IPC benchmarks, reported through a callback (the
// `bench` boot mode prints them as BENCH lines). Integer math only.
#pragma once

#include "kernel/lib/types.h"

// Reports "context_switches_per_s" and "port_round_trips_per_s". Needs
// sched::init(); runs for well under a second.
void sched_bench(void (*report)(char const* name, u64 value, char const* unit));
