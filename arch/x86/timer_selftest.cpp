// Self-tests of the clock and tick on real (or emulated) hardware. Bounds on
// waiting are generous safety nets, not timing assertions.
#include "arch/x86/ioapic.h"
#include "arch/x86/lapic.h"
#include "arch/x86/timer.h"
#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/cpu/clock_info.h"
#include "kernel/selftest/selftest.h"

SELFTEST("timer: monotonic_ns never goes backwards across 100000 reads")
{
    u64 previous = arch::monotonic_ns();
    u32 backwards = 0;
    for (u32 i = 0; i < 100000; ++i) {
        u64 now = arch::monotonic_ns();
        if (now < previous)
            ++backwards;
        previous = now;
    }
    ST_EXPECT(backwards == 0);
    ST_EXPECT(previous > 0);
}

SELFTEST("timer: the TSC is calibrated and the tick is running")
{
    ClockInfo info = clock_info();
    ST_EXPECT(info.cycle_counter_hz >= 1'000'000);
    ST_EXPECT(info.tick_hz > 0);
    t.note("TSC %llu Hz, tick timer %llu Hz, tick source %s", (unsigned long long)info.cycle_counter_hz,
        (unsigned long long)info.tick_timer_hz, info.tick_source);
}

SELFTEST("timer: ticks advance while waiting for interrupts")
{
    bool were_enabled = arch::interrupts_enabled();
    arch::interrupts_enable();
    u64 start = x86::timer_ticks();
    u64 start_ns = arch::monotonic_ns();
    // Ten seconds of clock is far beyond the few ticks needed: only a dead tick fails.
    while (x86::timer_ticks() < start + 5 && arch::monotonic_ns() - start_ns < 10'000'000'000ull)
        arch::wait_for_interrupt();
    ST_EXPECT(x86::timer_ticks() >= start + 5);
    ST_EXPECT(arch::monotonic_ns() > start_ns);
    if (!were_enabled)
        arch::interrupts_disable();
}

SELFTEST("ioapic: a routed ISA line reads back with its vector and mask")
{
    if (x86::ioapic_count() == 0) {
        t.note("no IOAPIC (PIC fallback): skipped");
        return;
    }
    // ISA IRQ 3 (COM2) is unused by the kernel: route, check, then mask it again.
    ST_EXPECT(!x86::ioapic_route_irq(3, 0x70).is_error());
    ST_EXPECT(!x86::ioapic_set_irq_masked(3, true).is_error());
    auto entry = x86::ioapic_read_entry(3);
    ST_EXPECT(!entry.is_error());
    if (!entry.is_error()) {
        ST_EXPECT((entry.value() & 0xFF) == 0x70);
        ST_EXPECT(entry.value() & (1u << 16));
        ST_EXPECT((entry.value() >> 56) == x86::lapic_id());
    }
}
