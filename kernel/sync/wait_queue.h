// WaitQueue: threads waiting for a condition that another thread or an interrupt
// makes true. Intrusive (no allocation). The queue has no lock of its own: every
// call names the spinlock that guards both the queue and the condition (the
// "guard"), which is what makes check-then-sleep free of lost wake-ups.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/sync/spinlock.h"

class WaitQueue {
public:
    WaitQueue() = default;
    WaitQueue(WaitQueue const&) = delete;
    WaitQueue& operator=(WaitQueue const&) = delete;
    ~WaitQueue() { KASSERT(m_waiters.is_empty()); }

    // Caller must hold guard. Sleeps until woken or timeout_ms passes; guard is
    // released while asleep and held again on return. Error::TimedOut (at once
    // for a timeout of 0). A wake-up says nothing about the condition: recheck it,
    // or use wait_until().
    Result<void> wait(Spinlock& guard, u64 timeout_ms = WAIT_FOREVER)
    {
        if (timeout_ms == 0)
            return Error::TimedOut;
        return wait_until_tick(guard, sched::deadline_after_ms(timeout_ms));
    }

    // Caller must hold guard; done() is evaluated with it held. Returns once done()
    // is true, or Error::TimedOut if it is still false when timeout_ms has passed.
    template<typename Predicate>
    Result<void> wait_until(Spinlock& guard, Predicate&& done, u64 timeout_ms = WAIT_FOREVER)
    {
        u64 deadline = timeout_ms == 0 ? 0 : sched::deadline_after_ms(timeout_ms);
        while (!done()) {
            if (timeout_ms == 0)
                return Error::TimedOut;
            if (wait_until_tick(guard, deadline).is_error())
                return done() ? Result<void>() : Result<void>(Error::TimedOut);
        }
        return {};
    }

    // As wait_until(), against an absolute tick deadline (sched::deadline_after_ms),
    // so several waits can share one timeout.
    template<typename Predicate>
    Result<void> wait_until_deadline(Spinlock& guard, Predicate&& done, u64 deadline_tick)
    {
        while (!done()) {
            if (wait_until_tick(guard, deadline_tick).is_error())
                return done() ? Result<void>() : Result<void>(Error::TimedOut);
        }
        return {};
    }

    // wait_until() that also gives up with Error::Interrupted when the thread's
    // process has a signal to act on (sched::interruption_pending()): for waits a
    // user can be stuck in (pipes). Checks every INTERRUPT_POLL_MS at least.
    static constexpr u64 INTERRUPT_POLL_MS = 20;
    template<typename Predicate>
    Result<void> wait_until_interruptible(Spinlock& guard, Predicate&& done)
    {
        while (!done()) {
            if (sched::interruption_pending())
                return Error::Interrupted;
            (void)wait_until_tick(guard, sched::deadline_after_ms(INTERRUPT_POLL_MS));
        }
        return {};
    }

    // Caller must hold guard. deadline_tick is absolute (sched::NO_DEADLINE: none).
    Result<void> wait_until_tick(Spinlock& guard, u64 deadline_tick);

    // Caller must hold guard. Safe from interrupt context; never switches threads
    // (the woken thread runs at the next preemption point).
    bool wake_one();
    usize wake_all();
    bool has_waiters() const { return !m_waiters.is_empty(); }

private:
    Thread::WaitList m_waiters;
};
