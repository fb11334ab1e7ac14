// Spinlock: interrupt-safe mutual exclusion for short critical sections.
// Locking disables interrupts on this CPU (and restores them on unlock), so a lock
// shared with an interrupt handler cannot deadlock. Never allocate or block while
// holding one. Written for SMP: the lock word is an atomic test-and-set.
#pragma once

#include <atomic>

#include "kernel/arch/cpu.h"

class Spinlock {
public:
    constexpr Spinlock() = default;
    Spinlock(Spinlock const&) = delete;
    Spinlock& operator=(Spinlock const&) = delete;

    void lock()
    {
        arch::InterruptState state = arch::interrupts_save_disable();
        while (m_locked.exchange(true, std::memory_order_acquire)) {
            while (m_locked.load(std::memory_order_relaxed))
                arch::cpu_relax();
        }
        m_saved_state = state;
    }

    void unlock()
    {
        arch::InterruptState state = m_saved_state;
        m_locked.store(false, std::memory_order_release);
        arch::interrupts_restore(state);
    }

    bool is_locked() const { return m_locked.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_locked { false };
    arch::InterruptState m_saved_state { 0 };
};

class SpinlockGuard {
public:
    explicit SpinlockGuard(Spinlock& lock)
        : m_lock(lock)
    {
        m_lock.lock();
    }
    ~SpinlockGuard() { m_lock.unlock(); }
    SpinlockGuard(SpinlockGuard const&) = delete;
    SpinlockGuard& operator=(SpinlockGuard const&) = delete;

private:
    Spinlock& m_lock;
};
