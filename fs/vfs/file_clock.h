// The clock that stamps file modification times, in seconds. Until a wall clock
// exists it counts seconds since boot; the time subsystem installs a real-time
// source with set_file_clock() (and the cluster a cluster-agreed one).
#pragma once

#include "kernel/lib/types.h"

using FileClockSource = u64 (*)();

u64 file_clock_now();
// null restores the default (seconds since boot).
void set_file_clock(FileClockSource source);
