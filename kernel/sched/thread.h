// Thread: a kernel thread — its stack, saved CPU context, priority, state and the
// list nodes through which the scheduler, wait queues and the timer queue hold it.
// Threads are ref-counted; the scheduler holds one reference from create() until
// the reaper has freed the stack of the dead thread.
#pragma once

#include <atomic>

#include "kernel/arch/context.h"
#include "kernel/lib/intrusive_list.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

enum class ThreadState : u8 { Runnable, Running, Blocked, Sleeping, Dead };
char const* thread_state_name(ThreadState state);

// Why a blocked thread became runnable again.
enum class WakeReason : u8 { None, Woken, TimedOut };

using ThreadEntry = void (*)(void* arg);

// Timeouts in milliseconds; WAIT_FOREVER waits without limit, 0 only polls.
inline constexpr u64 WAIT_FOREVER = ~u64(0);

class Thread : public RefCounted<Thread> {
public:
    static constexpr usize STACK_SIZE = 16 * KiB;
    static constexpr usize NAME_CAPACITY = 32;

    // Creates a kernel thread and makes it runnable at once; it may run before
    // create() returns if its priority is higher than the caller's. priority must
    // be in [sched::PRIORITY_MIN, sched::PRIORITY_MAX]. Needs sched::init().
    static Result<NonnullRefPtr<Thread>> create(char const* name, ThreadEntry entry, void* arg,
        u8 priority);

    ~Thread();

    u64 id() const { return m_id; }
    char const* name() const { return m_name; }
    u8 priority() const { return m_priority; }
    ThreadState state() const { return m_state.load(std::memory_order_acquire); }
    // Ticks during which this thread was the one running, and nanoseconds of run
    // time measured at context switches (the current slice is not included).
    u64 cpu_ticks() const { return m_cpu_ticks.load(std::memory_order_relaxed); }
    u64 cpu_time_ns() const { return m_cpu_time_ns.load(std::memory_order_relaxed); }
    bool has_exited() const { return m_exited.load(std::memory_order_acquire); }

    // The process this thread runs for (null for kernel threads). Opaque here:
    // the scheduler sits below the process layer, which sets and reads it.
    void* owner_process() const { return m_owner_process; }
    void set_owner_process(void* process) { m_owner_process = process; }

    // Waits until the thread has returned from its entry (or called
    // sched::thread_exit_current()). Error::TimedOut; InvalidArgument on itself.
    Result<void> join(u64 timeout_ms = WAIT_FOREVER);

private:
    friend class Scheduler;
    friend class RunQueue;
    friend class TimerQueue;
    friend class WaitQueue;

    Thread(u64 id, char const* name, u8 priority);
    static void start_trampoline(void* self);
    void set_state(ThreadState state) { m_state.store(state, std::memory_order_release); }

    u64 m_id;
    char m_name[NAME_CAPACITY] {};
    u8 m_priority;
    std::atomic<ThreadState> m_state { ThreadState::Runnable };
    std::atomic<bool> m_exited { false };

    ThreadEntry m_entry { nullptr };
    void* m_entry_arg { nullptr };
    void* m_owner_process { nullptr };
    u8* m_stack { nullptr }; // null for the adopted boot thread
    bool m_context_valid { false };
    arch::ThreadContext m_context {};

    // Guarded by the lock of the run queue the thread belongs to.
    u32 m_cpu { 0 };
    bool m_on_cpu { false };
    WakeReason m_wake_reason { WakeReason::None };

    // Guarded by the timer queue's lock.
    u64 m_wake_tick { 0 };

    std::atomic<u64> m_cpu_ticks { 0 };
    std::atomic<u64> m_cpu_time_ns { 0 };
    u64 m_switched_in_ns { 0 };

    IntrusiveListNode m_run_node;   // run queue, or the zombie list once dead
    IntrusiveListNode m_wait_node;  // one WaitQueue
    IntrusiveListNode m_timer_node; // the timer queue while a timeout is armed
    IntrusiveListNode m_all_node;   // the list of all threads

public:
    using RunList = IntrusiveList<Thread, &Thread::m_run_node>;
    using WaitList = IntrusiveList<Thread, &Thread::m_wait_node>;
    using TimerList = IntrusiveList<Thread, &Thread::m_timer_node>;
    using AllList = IntrusiveList<Thread, &Thread::m_all_node>;
};
