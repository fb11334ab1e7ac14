// E1000MmioRegisters::delay_us: spins on the monotonic clock (usable before and
// after the scheduler, and in any context).
#include "net/e1000/freestanding/e1000_mmio_registers.h"

#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"

void E1000MmioRegisters::delay_us(u32 microseconds)
{
    u64 end = arch::monotonic_ns() + u64(microseconds) * 1000;
    while (arch::monotonic_ns() < end)
        arch::cpu_relax();
}
