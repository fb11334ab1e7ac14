// Clock calibration and the periodic tick. Calibration times 10 ms PIT windows,
// bracketing each edge between two TSC reads so a stalled window (an SMI, or a
// descheduled emulator thread) is recognised and measured again; the median of
// three clean windows wins. arch::monotonic_ns lives here too.
#include "arch/x86/timer.h"

#include <atomic>

#include "arch/x86/interrupts.h"
#include "arch/x86/io.h"
#include "arch/x86/lapic.h"
#include "arch/x86/pic.h"
#include "arch/x86/pit.h"
#include "kernel/arch/time.h"
#include "kernel/cpu/clock_info.h"
#include "kernel/cpu/clock_scale.h"
#include "kernel/cpu/cpu_features.h"
#include "kernel/log/klog.h"

namespace x86 {

namespace {

constexpr u16 WINDOW_PIT_TICKS = PIT_HZ / 100; // 10 ms
constexpr u32 WINDOW_COUNT = 3;
// Generous: a window takes thousands of polls even on slow emulated port I/O.
constexpr u64 WINDOW_POLL_LIMIT = 200'000'000;

struct Window {
    u64 tsc_delta;
    u64 lapic_delta;
    // TSC cycles within which the start and the end are known; a stall (an SMI,
    // a descheduled emulator thread) shows up here instead of skewing the result.
    u64 uncertainty;
};

ClockScale g_tsc_scale;
u64 g_tsc_base = 0;
std::atomic<bool> g_calibrated { false };
MonotonicFloor g_floor;

u64 g_tsc_hz = 0;
u64 g_lapic_timer_hz = 0;
u32 g_tick_hz = 0;
char const* g_tick_source = "none";
std::atomic<u64> g_ticks { 0 };
void (*g_tick)() = nullptr;

Result<Window> measure_window(bool with_lapic)
{
    if (with_lapic) {
        lapic_write(LapicRegister::TimerDivide, LAPIC_TIMER_DIVIDE_BY_16);
        lapic_write(LapicRegister::LvtTimer, LVT_MASKED | TIMER_VECTOR);
        lapic_write(LapicRegister::TimerInitialCount, 0xFFFFFFFF);
    }
    pit_window_arm(WINDOW_PIT_TICKS);
    u32 lapic_start = with_lapic ? lapic_read(LapicRegister::TimerCurrentCount) : 0;
    u64 start_low = rdtsc();
    pit_window_start();
    u64 start_high = rdtsc();
    // The window ended after the last poll that saw it running, before the first that saw it over.
    u64 end_low = start_high;
    u64 end_high = 0;
    for (u64 polls = 0;; ++polls) {
        if (polls == WINDOW_POLL_LIMIT)
            return Error::TimedOut;
        bool expired = pit_window_expired();
        u64 now = rdtsc();
        if (expired) {
            end_high = now;
            break;
        }
        end_low = now;
    }
    u32 lapic_end = with_lapic ? lapic_read(LapicRegister::TimerCurrentCount) : 0;
    if (with_lapic)
        lapic_write(LapicRegister::TimerInitialCount, 0);
    u64 start = start_low + (start_high - start_low) / 2;
    u64 end = end_low + (end_high - end_low) / 2;
    // The LAPIC timer counts down.
    return Window { end - start, u64(lapic_start - lapic_end), (start_high - start_low) + (end_high - end_low) };
}

u64 median3(u64 a, u64 b, u64 c)
{
    if (a > b) {
        u64 t = a;
        a = b;
        b = t;
    }
    if (b > c)
        b = c;
    return a > b ? a : b;
}

// Counts per PIT window -> Hz; fits 64 bits for any counter below ~150 THz.
u64 window_to_hz(u64 counts) { return counts * PIT_HZ / WINDOW_PIT_TICKS; }

Result<void> calibrate(bool with_lapic)
{
    // Keep windows whose edges are known to 0.1%; the median of three such is
    // the answer. If the machine never gives three, use the sharpest window seen.
    constexpr u32 MAX_ATTEMPTS = 20;
    Window good[WINDOW_COUNT];
    u32 good_count = 0;
    Window sharpest { 0, 0, ~u64(0) };
    for (u32 attempt = 0; attempt < MAX_ATTEMPTS && good_count < WINDOW_COUNT; ++attempt) {
        Window w = TRY(measure_window(with_lapic));
        if (w.uncertainty < sharpest.uncertainty)
            sharpest = w;
        if (w.uncertainty <= w.tsc_delta / 1000)
            good[good_count++] = w;
    }
    u64 tsc_counts = sharpest.tsc_delta;
    u64 lapic_counts = sharpest.lapic_delta;
    if (good_count == WINDOW_COUNT) {
        tsc_counts = median3(good[0].tsc_delta, good[1].tsc_delta, good[2].tsc_delta);
        lapic_counts = median3(good[0].lapic_delta, good[1].lapic_delta, good[2].lapic_delta);
    } else {
        log_warn("timer: calibration windows were disturbed; using the sharpest (+-%llu cycles)",
            (unsigned long long)sharpest.uncertainty);
    }
    g_tsc_hz = window_to_hz(tsc_counts);
    if (with_lapic)
        g_lapic_timer_hz = window_to_hz(lapic_counts);
    g_tsc_scale = TRY(ClockScale::from_frequency(g_tsc_hz));
    g_calibrated.store(true, std::memory_order_release);
    return {};
}

void on_timer_interrupt(InterruptFrame&, void*)
{
    g_ticks.fetch_add(1, std::memory_order_relaxed);
    if (g_tick)
        g_tick();
}

} // namespace

Result<void> timer_init(u32 hz, void (*tick)())
{
    if (hz == 0 || hz > 10000)
        return Error::InvalidArgument;
    g_tsc_base = rdtsc();
    bool with_lapic = lapic_present();
    TRY(calibrate(with_lapic));
    g_tick = tick;
    g_tick_hz = hz;

    bool invariant = boot_cpu_features().has(CpuFeature::NonstopTsc);
    log_info("timer: TSC %llu.%03llu MHz%s", (unsigned long long)(g_tsc_hz / 1000000),
        (unsigned long long)(g_tsc_hz / 1000 % 1000), invariant ? " (invariant)" : " (not invariant)");

    if (with_lapic) {
        u64 initial = g_lapic_timer_hz / hz;
        if (initial == 0 || initial > 0xFFFFFFFF)
            return Error::OutOfRange;
        set_interrupt_handler(TIMER_VECTOR, on_timer_interrupt, nullptr);
        lapic_write(LapicRegister::TimerDivide, LAPIC_TIMER_DIVIDE_BY_16);
        lapic_write(LapicRegister::LvtTimer, LVT_TIMER_PERIODIC | TIMER_VECTOR);
        lapic_write(LapicRegister::TimerInitialCount, u32(initial));
        g_tick_source = "lapic";
        log_info("timer: LAPIC timer %llu kHz (divided by 16), tick %u Hz",
            (unsigned long long)(g_lapic_timer_hz / 1000), hz);
        return {};
    }

    // No LAPIC: the PIC delivers PIT channel 0 on IRQ 0.
    TRY(pit_start_periodic(hz));
    pic_enable_fallback();
    set_interrupt_handler(IRQ_VECTOR_BASE + 0, on_timer_interrupt, nullptr);
    pic_unmask(0);
    g_tick_source = "pit";
    log_warn("timer: no local APIC; PIT tick at %u Hz through the 8259 PIC", hz);
    return {};
}

u64 tsc_frequency() { return g_tsc_hz; }
u64 timer_ticks() { return g_ticks.load(std::memory_order_relaxed); }

} // namespace x86

namespace arch {

u64 monotonic_ns()
{
    if (!x86::g_calibrated.load(std::memory_order_acquire))
        return 0;
    u64 now = x86::rdtsc();
    // A CPU whose TSC lags the boot CPU's must not wrap to a huge value.
    u64 elapsed = now > x86::g_tsc_base ? now - x86::g_tsc_base : 0;
    return x86::g_floor.advance(x86::g_tsc_scale.to_ns(elapsed));
}

u64 cycle_counter() { return x86::rdtsc(); }

} // namespace arch

ClockInfo clock_info()
{
    return ClockInfo {
        x86::g_tsc_hz,
        x86::g_lapic_timer_hz,
        x86::g_tick_hz,
        x86::timer_ticks(),
        x86::g_tick_source,
        boot_cpu_features().has(CpuFeature::NonstopTsc),
    };
}
