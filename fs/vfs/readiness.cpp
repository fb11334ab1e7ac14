// Readiness: the node-wide generation counter and the pollers' wait queue.
#include "fs/vfs/readiness.h"

#include "kernel/sched/scheduler.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

namespace readiness {
namespace {

// Interrupt-safe and innermost: changed() may run under a pipe's or terminal's
// spinlock, or in the keyboard interrupt.
Spinlock g_lock;
WaitQueue g_pollers;
u64 g_generation { 0 };

} // namespace

u64 generation()
{
    SpinlockGuard guard(g_lock);
    return g_generation;
}

void changed()
{
    SpinlockGuard guard(g_lock);
    ++g_generation;
    g_pollers.wake_all();
}

Result<void> wait_for_change(u64 seen, u64 deadline_tick)
{
    SpinlockGuard guard(g_lock);
    while (g_generation == seen) {
        if (sched::interruption_pending())
            return Error::Interrupted;
        if (deadline_tick != sched::NO_DEADLINE && sched::ticks() >= deadline_tick)
            return Error::TimedOut;
        // Sleep in slices so a signal is noticed even when nothing changes.
        u64 slice = sched::deadline_after_ms(WaitQueue::INTERRUPT_POLL_MS);
        (void)g_pollers.wait_until_tick(g_lock, deadline_tick < slice ? deadline_tick : slice);
    }
    return {};
}

} // namespace readiness
