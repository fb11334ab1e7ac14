// ConditionVariable: waits for a condition guarded by a Mutex. wait() releases
// the mutex and sleeps as one step with respect to notify, and holds the mutex
// again when it returns (also on a timeout). Thread context only.
#pragma once

#include "kernel/sync/mutex.h"
#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

class ConditionVariable {
public:
    ConditionVariable() = default;
    ConditionVariable(ConditionVariable const&) = delete;
    ConditionVariable& operator=(ConditionVariable const&) = delete;

    // Caller must own mutex. Error::TimedOut when not notified within timeout_ms.
    // Wake-ups may be spurious: recheck the condition in a loop.
    Result<void> wait(Mutex& mutex, u64 timeout_ms = WAIT_FOREVER);
    void notify_one();
    void notify_all();

private:
    Spinlock m_guard;
    WaitQueue m_waiters;
};
