// Semaphore: a counter that wait() decrements, sleeping while it is zero, and
// post() increments. post() is safe from interrupt context (it never switches).
#pragma once

#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

class Semaphore {
public:
    explicit Semaphore(u64 initial = 0)
        : m_count(initial)
    {
    }
    Semaphore(Semaphore const&) = delete;
    Semaphore& operator=(Semaphore const&) = delete;

    // Thread context. Error::TimedOut when no unit became available in time.
    Result<void> wait(u64 timeout_ms = WAIT_FOREVER);
    bool try_wait();
    void post(u64 units = 1);
    u64 count() const;

private:
    mutable Spinlock m_guard;
    WaitQueue m_waiters;
    u64 m_count;
};
