// Host fakes of the CPU facts the arch publishes: a fixed feature set and clock.
#include "kernel/cpu/clock_info.h"
#include "kernel/cpu/cpu_features.h"

CpuFeatures const& boot_cpu_features()
{
    static CpuFeatures features;
    return features;
}

ClockInfo clock_info() { return { 1000000000, 1000000000, 1000, 0, "fake", true }; }
