// WaitQueue: the sleep/wake half of every blocking primitive. Lost wake-ups are
// excluded because the waiter is linked and marked blocked while the guard is held,
// and a waker must hold the same guard to find it.
#include "kernel/sync/wait_queue.h"

Result<void> WaitQueue::wait_until_tick(Spinlock& guard, u64 deadline_tick)
{
    KASSERT(guard.is_locked());
    if (deadline_tick != sched::NO_DEADLINE && deadline_tick <= sched::ticks())
        return Error::TimedOut;
    Thread& self = sched::current();
    m_waiters.push_back(self);
    sched::prepare_to_block(ThreadState::Blocked, deadline_tick);
    guard.unlock();
    WakeReason reason = sched::block_current();
    guard.lock();
    // On a timeout nobody has unlinked us; on a wake-up the waker has.
    if (m_waiters.contains(self))
        m_waiters.remove(self);
    if (reason == WakeReason::TimedOut)
        return Error::TimedOut;
    return {};
}

bool WaitQueue::wake_one()
{
    // A waiter that already timed out is skipped so the wake-up is not lost.
    while (Thread* waiter = m_waiters.pop_front()) {
        if (sched::wake(*waiter))
            return true;
    }
    return false;
}

usize WaitQueue::wake_all()
{
    usize woken = 0;
    while (Thread* waiter = m_waiters.pop_front()) {
        if (sched::wake(*waiter))
            ++woken;
    }
    return woken;
}
