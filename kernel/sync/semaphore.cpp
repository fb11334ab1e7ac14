// Semaphore over a guarded counter and a wait queue.
#include "kernel/sync/semaphore.h"

Result<void> Semaphore::wait(u64 timeout_ms)
{
    SpinlockGuard guard(m_guard);
    TRY(m_waiters.wait_until(m_guard, [&] { return m_count > 0; }, timeout_ms));
    --m_count;
    return {};
}

bool Semaphore::try_wait()
{
    SpinlockGuard guard(m_guard);
    if (m_count == 0)
        return false;
    --m_count;
    return true;
}

void Semaphore::post(u64 units)
{
    SpinlockGuard guard(m_guard);
    m_count += units;
    for (u64 i = 0; i < units && m_waiters.wake_one(); ++i) { }
}

u64 Semaphore::count() const
{
    SpinlockGuard guard(m_guard);
    return m_count;
}
