// RunQueue: one CPU's runnable threads, a FIFO per priority level plus a bitmap
// of the non-empty levels, and that CPU's scheduling state (current thread, idle
// thread, need-resched flag, slice left, zombies for the reaper). Internal to the
// scheduler. Every member is guarded by m_lock unless noted.
#pragma once

#include "kernel/sched/thread.h"
#include "kernel/sync/spinlock.h"

class RunQueue {
public:
    static constexpr u8 LEVELS = 32;

    explicit RunQueue(u32 cpu)
        : m_cpu(cpu)
    {
    }

    Spinlock& lock() { return m_lock; }
    u32 cpu() const { return m_cpu; }

    // Caller must hold lock(). thread is not on any run queue.
    void enqueue(Thread& thread)
    {
        u8 level = thread.m_priority;
        m_levels[level].push_back(thread);
        m_nonempty |= 1u << level;
    }

    // Caller must hold lock(). Removes and returns the first thread of the highest
    // non-empty level, or null when nothing is runnable.
    Thread* dequeue_highest()
    {
        if (m_nonempty == 0)
            return nullptr;
        u8 level = u8(31 - __builtin_clz(m_nonempty));
        Thread* thread = m_levels[level].pop_front();
        if (m_levels[level].is_empty())
            m_nonempty &= ~(1u << level);
        return thread;
    }

    // Caller must hold lock(). Highest runnable priority, or -1.
    int highest_priority() const { return m_nonempty ? 31 - __builtin_clz(m_nonempty) : -1; }
    usize runnable_count() const
    {
        usize n = 0;
        for (auto const& level : m_levels)
            n += level.size();
        return n;
    }

    Thread* current { nullptr };
    Thread* previous { nullptr }; // set across a switch for finish_context_switch()
    Thread* idle { nullptr };
    Thread* reaper { nullptr };
    bool need_resched { false };
    u64 slice_left { 0 };
    Thread::RunList zombies;

private:
    Spinlock m_lock;
    u32 m_cpu;
    u32 m_nonempty { 0 };
    Thread::RunList m_levels[LEVELS];
};
