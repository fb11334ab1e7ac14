// The scheduler's core: per-CPU run queues, the context switch protocol, the
// timer queue behind sleeps and timeouts, thread exit and the reaper. Only CPU 0
// exists today; everything reaches its run queue through arch::current_cpu() and
// its lock, so further CPUs need their own RunQueue and idle thread, not a rewrite.
#include "kernel/sched/scheduler.h"

#include <new>

#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/panic.h"
#include "kernel/sched/run_queue.h"
#include "kernel/sched/timer_queue.h"
#include "kernel/sync/wait_queue.h"

namespace {

constexpr u32 MAX_CPUS = 1;

struct SchedulerState {
    u32 tick_hz { 100 };
    u64 slice_ticks { 1 };
    sched::TickSource tick_source { sched::TickSource::CountedInterrupts };
    std::atomic<u64> counted_ticks { 0 };
    std::atomic<u64> next_thread_id { 1 };
    std::atomic<u64> switches { 0 };
    TimerQueue timers;
    // Guards all_threads and exit_waiters (an outermost lock).
    Spinlock all_lock;
    Thread::AllList all_threads;
    WaitQueue exit_waiters;
    RunQueue* run_queues[MAX_CPUS] {};
};

// Built in place by init() so that no global constructor or destructor runs.
alignas(SchedulerState) u8 g_state_storage[sizeof(SchedulerState)];
alignas(RunQueue) u8 g_rq_storage[MAX_CPUS][sizeof(RunQueue)];
SchedulerState* g_state = nullptr;
std::atomic<sched::SwitchHook> g_switch_hook { nullptr };
std::atomic<sched::InterruptionCheck> g_interruption_check { nullptr };

} // namespace

// The parts of the scheduler that touch Thread's private state.
class Scheduler {
public:
    static RunQueue& this_rq()
    {
        u32 cpu = arch::current_cpu();
        KASSERT(cpu < MAX_CPUS && g_state->run_queues[cpu]);
        return *g_state->run_queues[cpu];
    }
    static RunQueue& rq_of(Thread& thread) { return *g_state->run_queues[thread.m_cpu]; }

    // Caller holds rq.lock() with interrupts disabled. Puts the running thread
    // back on the queue if it is still runnable, picks the next one and switches
    // to it. Returns (in the original thread, once it runs again) with the lock
    // released and interrupts still disabled.
    static void switch_away(RunQueue& rq)
    {
        Thread* prev = rq.current;
        ThreadState state = prev->state();
        if (state == ThreadState::Running || state == ThreadState::Runnable) {
            prev->set_state(ThreadState::Runnable);
            if (prev != rq.idle)
                rq.enqueue(*prev);
        }
        Thread* next = rq.dequeue_highest();
        if (!next)
            next = rq.idle;
        rq.need_resched = false;
        rq.slice_left = g_state->slice_ticks;
        next->set_state(ThreadState::Running);
        if (next == prev) {
            rq.lock().unlock();
            return;
        }
        u64 now = arch::monotonic_ns();
        prev->m_cpu_time_ns.fetch_add(now - prev->m_switched_in_ns, std::memory_order_relaxed);
        next->m_switched_in_ns = now;
        next->m_on_cpu = true;
        next->m_cpu = rq.cpu();
        rq.current = next;
        rq.previous = prev;
        g_state->switches.fetch_add(1, std::memory_order_relaxed);
        if (sched::SwitchHook hook = g_switch_hook.load(std::memory_order_acquire))
            hook(*next);
        arch::context_switch(prev->m_context, next->m_context);
        finish_switch();
    }

    static void finish_switch()
    {
        RunQueue& rq = this_rq();
        Thread* prev = rq.previous;
        rq.previous = nullptr;
        if (prev) {
            prev->m_on_cpu = false;
            if (prev->state() == ThreadState::Dead) {
                rq.zombies.push_back(*prev);
                if (rq.reaper)
                    wake_locked(rq, *rq.reaper, WakeReason::Woken);
            }
        }
        rq.lock().unlock();
    }

    // Caller holds rq.lock(); thread belongs to rq.
    static bool wake_locked(RunQueue& rq, Thread& thread, WakeReason reason)
    {
        ThreadState state = thread.state();
        if (state != ThreadState::Blocked && state != ThreadState::Sleeping)
            return false;
        thread.m_wake_reason = reason;
        thread.set_state(ThreadState::Runnable);
        // A thread still on its CPU (it has not switched away yet) is queued by
        // switch_away() itself.
        if (!thread.m_on_cpu)
            rq.enqueue(thread);
        if (rq.current && thread.m_priority > rq.current->m_priority)
            rq.need_resched = true;
        return true;
    }

    static Result<NonnullRefPtr<Thread>> make_thread(char const* name, ThreadEntry entry, void* arg,
        u8 priority)
    {
        u64 id = g_state->next_thread_id.fetch_add(1, std::memory_order_relaxed);
        auto thread = TRY(adopt_ref_if_nonnull(new (std::nothrow) Thread(id, name, priority)));
        thread->m_entry = entry;
        thread->m_entry_arg = arg;
        thread->m_stack = new (std::nothrow) u8[Thread::STACK_SIZE];
        if (!thread->m_stack)
            return Error::NoMemory;
        TRY(arch::context_init(thread->m_context, thread->m_stack, Thread::STACK_SIZE,
            Thread::start_trampoline, thread.ptr()));
        thread->m_context_valid = true;
        return thread;
    }

    // The scheduler's own reference keeps a thread alive until it is reaped.
    static void register_thread(Thread& thread)
    {
        thread.ref();
        SpinlockGuard guard(g_state->all_lock);
        g_state->all_threads.push_back(thread);
    }

    // The idle thread is never queued: switch_away() falls back to it.
    static void install_idle(RunQueue& rq, Thread& idle)
    {
        register_thread(idle);
        idle.m_cpu = rq.cpu();
        rq.idle = &idle;
    }

    static void admit(Thread& thread)
    {
        register_thread(thread);
        RunQueue& rq = this_rq();
        SpinlockGuard guard(rq.lock());
        thread.m_cpu = rq.cpu();
        thread.set_state(ThreadState::Runnable);
        rq.enqueue(thread);
        if (rq.current && thread.m_priority > rq.current->m_priority)
            rq.need_resched = true;
    }

    static Result<void> adopt_boot_thread(RunQueue& rq)
    {
        u64 id = g_state->next_thread_id.fetch_add(1, std::memory_order_relaxed);
        auto* boot = new (std::nothrow) Thread(id, "boot", sched::PRIORITY_NORMAL);
        if (!boot)
            return Error::NoMemory;
        auto result = arch::context_init_current(boot->m_context);
        if (result.is_error()) {
            delete boot;
            return result.error();
        }
        boot->m_context_valid = true;
        boot->m_on_cpu = true;
        boot->m_cpu = rq.cpu();
        boot->m_switched_in_ns = arch::monotonic_ns();
        boot->set_state(ThreadState::Running);
        rq.current = boot;
        // The creation reference becomes the scheduler's own.
        SpinlockGuard guard(g_state->all_lock);
        g_state->all_threads.push_back(*boot);
        return {};
    }

    static void reap(Thread& thread)
    {
        if (thread.m_context_valid) {
            arch::context_destroy(thread.m_context);
            thread.m_context_valid = false;
        }
        delete[] thread.m_stack;
        thread.m_stack = nullptr;
        {
            SpinlockGuard guard(g_state->all_lock);
            g_state->all_threads.remove(thread);
        }
        thread.unref();
    }

    [[noreturn]] static void idle_loop(void*)
    {
        for (;;) {
            sched::preempt_if_needed();
            arch::wait_for_interrupt();
        }
    }

    // Frees dead threads; runs at top priority so stacks do not pile up.
    [[noreturn]] static void reaper_loop(void*)
    {
        for (;;) {
            arch::InterruptState saved = arch::interrupts_save_disable();
            RunQueue& rq = this_rq();
            rq.lock().lock();
            Thread* zombie = rq.zombies.pop_front();
            if (!zombie) {
                rq.current->set_state(ThreadState::Blocked);
                switch_away(rq);
                arch::interrupts_restore(saved);
                continue;
            }
            rq.lock().unlock();
            arch::interrupts_restore(saved);
            reap(*zombie);
        }
    }

    static void exit_current()
    {
        Thread& self = sched::current();
        {
            SpinlockGuard guard(g_state->all_lock);
            self.m_exited.store(true, std::memory_order_release);
            g_state->exit_waiters.wake_all();
        }
        arch::interrupts_disable();
        RunQueue& rq = this_rq();
        KASSERT(&self != rq.idle && &self != rq.reaper);
        rq.lock().lock();
        self.set_state(ThreadState::Dead);
        switch_away(rq);
    }

    static void prepare_to_block(ThreadState state, u64 deadline_tick)
    {
        KASSERT(state == ThreadState::Blocked || state == ThreadState::Sleeping);
        Thread& self = sched::current();
        {
            RunQueue& rq = rq_of(self);
            SpinlockGuard guard(rq.lock());
            self.m_wake_reason = WakeReason::None;
            self.set_state(state);
        }
        if (deadline_tick != sched::NO_DEADLINE) {
            SpinlockGuard guard(g_state->timers.lock());
            g_state->timers.arm(self, deadline_tick);
        }
    }

    static WakeReason block_current()
    {
        Thread& self = sched::current();
        arch::InterruptState saved = arch::interrupts_save_disable();
        RunQueue& rq = this_rq();
        rq.lock().lock();
        switch_away(rq);
        arch::interrupts_restore(saved);
        {
            SpinlockGuard guard(g_state->timers.lock());
            g_state->timers.disarm(self);
        }
        SpinlockGuard guard(rq_of(self).lock());
        WakeReason reason = self.m_wake_reason;
        self.m_wake_reason = WakeReason::None;
        return reason == WakeReason::None ? WakeReason::Woken : reason;
    }

    static void charge_tick(RunQueue& rq)
    {
        SpinlockGuard guard(rq.lock());
        Thread* running = rq.current;
        running->m_cpu_ticks.fetch_add(1, std::memory_order_relaxed);
        if (running == rq.idle) {
            if (rq.highest_priority() >= 0)
                rq.need_resched = true;
            return;
        }
        if (rq.slice_left > 0)
            --rq.slice_left;
        if (rq.slice_left == 0) {
            if (rq.highest_priority() >= int(running->m_priority))
                rq.need_resched = true;
            else
                rq.slice_left = g_state->slice_ticks;
        }
    }

    static void fill_info(Thread& thread, sched::ThreadInfo& info)
    {
        info.id = thread.m_id;
        for (usize i = 0; i < Thread::NAME_CAPACITY; ++i)
            info.name[i] = thread.m_name[i];
        info.state = thread.state();
        info.priority = thread.m_priority;
        info.cpu = thread.m_cpu;
        info.cpu_ticks = thread.cpu_ticks();
        info.cpu_time_ns = thread.cpu_time_ns();
    }

    static Result<void> join(Thread& thread, u64 timeout_ms)
    {
        if (&thread == sched::current_or_null())
            return Error::InvalidArgument;
        SpinlockGuard guard(g_state->all_lock);
        return g_state->exit_waiters.wait_until(
            g_state->all_lock, [&] { return thread.has_exited(); }, timeout_ms);
    }
};

Result<NonnullRefPtr<Thread>> Thread::create(char const* name, ThreadEntry entry, void* arg, u8 priority)
{
    if (!g_state || !entry || priority < sched::PRIORITY_MIN || priority > sched::PRIORITY_MAX)
        return Error::InvalidArgument;
    auto thread = TRY(Scheduler::make_thread(name, entry, arg, priority));
    Scheduler::admit(*thread);
    sched::preempt_if_needed();
    return thread;
}

Result<void> Thread::join(u64 timeout_ms) { return Scheduler::join(*this, timeout_ms); }

namespace sched {

Result<void> init(u32 tick_hz, TickSource source)
{
    if (g_state)
        return Error::Exists;
    if (tick_hz == 0)
        return Error::InvalidArgument;
    auto* state = new (g_state_storage) SchedulerState;
    state->tick_hz = tick_hz;
    state->tick_source = source;
    u64 slice = TIME_SLICE_MS * tick_hz / 1000;
    state->slice_ticks = slice ? slice : 1;
    auto* rq = new (g_rq_storage[0]) RunQueue(0);
    state->run_queues[0] = rq;
    g_state = state;

    TRY(Scheduler::adopt_boot_thread(*rq));

    auto idle = TRY(Scheduler::make_thread("idle", Scheduler::idle_loop, nullptr, PRIORITY_IDLE));
    Scheduler::install_idle(*rq, *idle);

    auto reaper = TRY(Scheduler::make_thread("reaper", Scheduler::reaper_loop, nullptr, PRIORITY_MAX));
    rq->reaper = reaper.ptr();
    Scheduler::admit(*reaper);
    preempt_if_needed();
    return {};
}

bool is_initialized() { return g_state != nullptr; }

Thread* current_or_null()
{
    if (!g_state)
        return nullptr;
    arch::InterruptState saved = arch::interrupts_save_disable();
    Thread* thread = Scheduler::this_rq().current;
    arch::interrupts_restore(saved);
    return thread;
}

Thread& current()
{
    Thread* thread = current_or_null();
    KASSERT(thread);
    return *thread;
}

void yield()
{
    arch::InterruptState saved = arch::interrupts_save_disable();
    RunQueue& rq = Scheduler::this_rq();
    rq.lock().lock();
    Scheduler::switch_away(rq);
    arch::interrupts_restore(saved);
}

void sleep_ms(u64 ms)
{
    if (ms == 0) {
        yield();
        return;
    }
    u64 deadline = deadline_after_ms(ms);
    while (ticks() < deadline) {
        prepare_to_block(ThreadState::Sleeping, deadline);
        block_current();
    }
}

u64 ticks()
{
    if (!g_state)
        return 0;
    if (g_state->tick_source == TickSource::MonotonicClock)
        return ticks_at_ns(arch::monotonic_ns(), g_state->tick_hz);
    return g_state->counted_ticks.load(std::memory_order_acquire);
}
u32 tick_hz() { return g_state ? g_state->tick_hz : 0; }

u64 deadline_after_ms(u64 ms)
{
    if (ms == WAIT_FOREVER)
        return NO_DEADLINE;
    u64 hz = tick_hz();
    if (ms > (NO_DEADLINE / 2) / (hz ? hz : 1))
        return NO_DEADLINE;
    return ticks() + (ms * hz + 999) / 1000 + 1;
}

void on_timer_tick()
{
    if (!g_state)
        return;
    arch::InterruptState saved = arch::interrupts_save_disable();
    RunQueue& rq = Scheduler::this_rq();
    if (rq.cpu() == 0) {
        g_state->counted_ticks.fetch_add(1, std::memory_order_acq_rel);
        u64 now = ticks();
        SpinlockGuard timer_guard(g_state->timers.lock());
        while (Thread* expired = g_state->timers.pop_expired(now)) {
            RunQueue& target = Scheduler::rq_of(*expired);
            SpinlockGuard guard(target.lock());
            Scheduler::wake_locked(target, *expired, WakeReason::TimedOut);
        }
    }
    Scheduler::charge_tick(rq);
    arch::interrupts_restore(saved);
}

void preempt_if_needed()
{
    if (!g_state)
        return;
    arch::InterruptState saved = arch::interrupts_save_disable();
    RunQueue& rq = Scheduler::this_rq();
    rq.lock().lock();
    if (rq.need_resched)
        Scheduler::switch_away(rq);
    else
        rq.lock().unlock();
    arch::interrupts_restore(saved);
}

void prepare_to_block(ThreadState state, u64 deadline_tick) { Scheduler::prepare_to_block(state, deadline_tick); }

WakeReason block_current() { return Scheduler::block_current(); }

bool wake(Thread& thread)
{
    arch::InterruptState saved = arch::interrupts_save_disable();
    RunQueue& rq = Scheduler::rq_of(thread);
    rq.lock().lock();
    bool woken = Scheduler::wake_locked(rq, thread, WakeReason::Woken);
    rq.lock().unlock();
    arch::interrupts_restore(saved);
    return woken;
}

[[noreturn]] void thread_exit_current()
{
    Scheduler::exit_current();
    panic("sched: a dead thread was resumed");
}

void finish_context_switch() { Scheduler::finish_switch(); }

void set_switch_hook(SwitchHook hook) { g_switch_hook.store(hook, std::memory_order_release); }

void set_interruption_check(InterruptionCheck check) { g_interruption_check.store(check, std::memory_order_release); }

bool interruption_pending()
{
    InterruptionCheck check = g_interruption_check.load(std::memory_order_acquire);
    return check && check();
}

usize snapshot_threads(ThreadInfo* out, usize capacity)
{
    if (!g_state)
        return 0;
    SpinlockGuard guard(g_state->all_lock);
    usize count = 0;
    for (Thread& thread : g_state->all_threads) {
        if (count < capacity)
            Scheduler::fill_info(thread, out[count]);
        ++count;
    }
    return count;
}

usize thread_count()
{
    if (!g_state)
        return 0;
    SpinlockGuard guard(g_state->all_lock);
    return g_state->all_threads.size();
}

u64 context_switch_count() { return g_state ? g_state->switches.load(std::memory_order_relaxed) : 0; }

} // namespace sched
