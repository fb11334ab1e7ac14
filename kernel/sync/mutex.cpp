// Mutex: ownership and its wait queue are guarded by one spinlock, so an unlock
// between a waiter's check and its sleep cannot be missed.
#include "kernel/sync/mutex.h"

#include "kernel/panic.h"

void Mutex::lock()
{
    auto result = lock(WAIT_FOREVER);
    KASSERT(!result.is_error());
}

Result<void> Mutex::lock(u64 timeout_ms)
{
    Thread* self = sched::current_or_null();
    SpinlockGuard guard(m_guard);
    if (m_locked && !self)
        panic("mutex: contended before the scheduler runs");
    if (m_locked && m_owner == self)
        panic("mutex: recursive lock by thread %llu", (unsigned long long)self->id());
    TRY(m_waiters.wait_until(m_guard, [&] { return !m_locked; }, timeout_ms));
    m_locked = true;
    m_owner = self;
    return {};
}

bool Mutex::try_lock()
{
    Thread* self = sched::current_or_null();
    SpinlockGuard guard(m_guard);
    if (m_locked)
        return false;
    m_locked = true;
    m_owner = self;
    return true;
}

void Mutex::release_locked()
{
    if (!m_locked || m_owner != sched::current_or_null())
        panic("mutex: unlocked by a thread that does not own it");
    m_locked = false;
    m_owner = nullptr;
    m_waiters.wake_one();
}

void Mutex::unlock()
{
    {
        SpinlockGuard guard(m_guard);
        release_locked();
    }
    // Let a higher-priority waiter we just woke run now.
    sched::preempt_if_needed();
}

bool Mutex::is_owned_by_current() const
{
    SpinlockGuard guard(m_guard);
    return m_locked && m_owner == sched::current_or_null();
}
