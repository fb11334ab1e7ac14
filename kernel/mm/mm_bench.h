// In-kernel allocator benchmarks for `bench` mode: kmalloc/kfree and frame
// allocate/free throughput, measured with arch::monotonic_ns in integer math.
#pragma once

#include "kernel/lib/types.h"

// Calls report(name, value, unit) once per measurement, e.g.
// report("kmalloc_free_ops_per_sec", 1234567, "ops/s"). Takes about a second.
void mm_bench(void (*report)(char const* name, u64 value, char const* unit));
