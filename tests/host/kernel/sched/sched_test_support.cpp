// Host-test support: the shared scheduler and the idle-time ticker.
#include "sched_test_support.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "kernel/arch/cpu.h"

namespace {

std::atomic<u64> g_ticker_ticks { 0 };

void ticker_main(void*)
{
    for (;;) {
        fake_timer_interrupt();
        g_ticker_ticks.fetch_add(1, std::memory_order_relaxed);
        sched::yield();
    }
}

struct SpawnedFunction {
    std::function<void()> fn;
};

void spawned_main(void* raw)
{
    auto* spawned = static_cast<SpawnedFunction*>(raw);
    spawned->fn();
    delete spawned;
}

} // namespace

void fake_timer_interrupt()
{
    arch::InterruptState saved = arch::interrupts_save_disable();
    sched::on_timer_tick();
    sched::preempt_if_needed();
    arch::interrupts_restore(saved);
}

void sched_test_init()
{
    if (sched::is_initialized()) {
        // Let the reaper finish earlier tests' threads and clear any pending
        // reschedule, so every test starts from a quiet scheduler.
        sched::sleep_ms(1);
        return;
    }
    if (sched::init(TEST_TICK_HZ).is_error()) {
        fputs("sched_test_init: sched::init failed\n", stderr);
        abort();
    }
    auto ticker = Thread::create("ticker", ticker_main, nullptr, sched::PRIORITY_MIN);
    if (ticker.is_error()) {
        fputs("sched_test_init: no ticker\n", stderr);
        abort();
    }
}

NonnullRefPtr<Thread> spawn(char const* name, u8 priority, std::function<void()> fn)
{
    auto* spawned = new SpawnedFunction { std::move(fn) };
    auto thread = Thread::create(name, spawned_main, spawned, priority);
    if (thread.is_error()) {
        fprintf(stderr, "spawn(%s): %s\n", name, error_name(thread.error()));
        abort();
    }
    return thread.release_value();
}

u64 ticker_ticks() { return g_ticker_ticks.load(std::memory_order_relaxed); }
