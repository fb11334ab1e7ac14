// Host fake of the arch time seam: CLOCK_MONOTONIC.
#include <time.h>

#include "kernel/arch/time.h"

namespace arch {

u64 monotonic_ns()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return u64(ts.tv_sec) * 1000000000ull + u64(ts.tv_nsec);
}

u64 cycle_counter() { return monotonic_ns(); }

} // namespace arch
