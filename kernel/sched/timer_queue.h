// TimerQueue: threads with an armed timeout, sorted by wake-up tick. Internal to
// the scheduler. Lock order: a wait queue's guard lock -> TimerQueue -> RunQueue.
#pragma once

#include "kernel/sched/thread.h"
#include "kernel/sync/spinlock.h"

class TimerQueue {
public:
    Spinlock& lock() { return m_lock; }

    // Caller must hold lock(). Keeps equal deadlines in arming order.
    void arm(Thread& thread, u64 wake_tick)
    {
        thread.m_wake_tick = wake_tick;
        for (Thread* t = m_threads.last(); t; t = m_threads.prev(*t)) {
            if (t->m_wake_tick <= wake_tick) {
                Thread* after = m_threads.next(*t);
                if (after)
                    m_threads.insert_before(*after, thread);
                else
                    m_threads.push_back(thread);
                return;
            }
        }
        m_threads.push_front(thread);
    }

    // Caller must hold lock().
    void disarm(Thread& thread)
    {
        if (m_threads.contains(thread))
            m_threads.remove(thread);
    }

    // Caller must hold lock(). Pops the first thread due at or before now.
    Thread* pop_expired(u64 now)
    {
        Thread* first = m_threads.first();
        if (!first || first->m_wake_tick > now)
            return nullptr;
        m_threads.remove(*first);
        return first;
    }

private:
    Spinlock m_lock;
    Thread::TimerList m_threads;
};
