// Mutex: a sleeping lock for thread context, with an owner. Locking it twice from
// the same thread, or unlocking it from a thread that does not own it, panics.
// Never take it from an interrupt handler or while holding a spinlock.
#pragma once

#include "kernel/sync/spinlock.h"
#include "kernel/sync/wait_queue.h"

class Thread;

class Mutex {
public:
    Mutex() = default;
    Mutex(Mutex const&) = delete;
    Mutex& operator=(Mutex const&) = delete;

    void lock();
    // Error::TimedOut if the mutex is still owned by someone else after timeout_ms.
    Result<void> lock(u64 timeout_ms);
    bool try_lock();
    void unlock();

    bool is_locked() const { return m_locked; }
    // True if the calling thread owns the mutex.
    bool is_owned_by_current() const;

private:
    friend class ConditionVariable;
    // Caller must hold m_guard. Releases ownership and wakes one waiter.
    void release_locked();

    mutable Spinlock m_guard;
    WaitQueue m_waiters;
    bool m_locked { false };
    // Null while locked before sched::init() (only the boot flow exists then).
    Thread* m_owner { nullptr };
};

class MutexLocker {
public:
    explicit MutexLocker(Mutex& mutex)
        : m_mutex(mutex)
    {
        m_mutex.lock();
    }
    ~MutexLocker() { m_mutex.unlock(); }
    MutexLocker(MutexLocker const&) = delete;
    MutexLocker& operator=(MutexLocker const&) = delete;

private:
    Mutex& m_mutex;
};
