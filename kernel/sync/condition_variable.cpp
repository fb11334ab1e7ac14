// ConditionVariable: the waiter joins the queue (under m_guard) before it gives up
// the mutex, so a notify from a thread that then takes the mutex cannot be missed.
#include "kernel/sync/condition_variable.h"

#include "kernel/panic.h"

Result<void> ConditionVariable::wait(Mutex& mutex, u64 timeout_ms)
{
    KASSERT(mutex.is_owned_by_current());
    Result<void> result;
    {
        SpinlockGuard guard(m_guard);
        {
            SpinlockGuard mutex_guard(mutex.m_guard);
            mutex.release_locked();
        }
        result = m_waiters.wait(m_guard, timeout_ms);
    }
    mutex.lock();
    return result;
}

void ConditionVariable::notify_one()
{
    {
        SpinlockGuard guard(m_guard);
        m_waiters.wake_one();
    }
    sched::preempt_if_needed();
}

void ConditionVariable::notify_all()
{
    {
        SpinlockGuard guard(m_guard);
        m_waiters.wake_all();
    }
    sched::preempt_if_needed();
}
