// The scheduler: preemptive, priority round-robin over per-CPU run queues. Higher
// priority numbers run first; threads of equal priority share the CPU in time
// slices. Time is counted in ticks (rate given to init()); the periodic timer
// interrupt is when timeouts are checked and slices charged.
//
// Locks, outermost first: a wait queue's guard lock (port, mutex, ...) -> the timer
// queue lock -> a run queue lock. A run queue lock is held across a context switch
// and released by the thread switched to (finish_context_switch()).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/sched/thread.h"

namespace sched {

inline constexpr u8 PRIORITY_IDLE = 0; // the idle thread only
inline constexpr u8 PRIORITY_MIN = 1;
inline constexpr u8 PRIORITY_LOW = 8;
inline constexpr u8 PRIORITY_NORMAL = 16;
inline constexpr u8 PRIORITY_HIGH = 24;
inline constexpr u8 PRIORITY_MAX = 31;
inline constexpr u8 PRIORITY_LEVELS = 32;

// A time slice lasts this long (at least one tick).
inline constexpr u64 TIME_SLICE_MS = 10;
inline constexpr u64 NO_DEADLINE = ~u64(0);

// Where the tick count comes from.
//  - MonotonicClock (the kernel): ticks() is arch::monotonic_ns() in units of
//    1/tick_hz s, so a deadline is a point on the clock programs read with
//    clock_gettime. Timer interrupts that arrive late and then bunched up (an
//    emulator thread descheduled on a loaded host) cannot end a timeout early.
//  - CountedInterrupts (host tests): ticks() counts on_timer_tick() calls, so a
//    test delivers time by hand, deterministically.
enum class TickSource : u8 { MonotonicClock, CountedInterrupts };

// ns on the monotonic clock -> whole ticks at tick_hz (rounded down).
constexpr u64 ticks_at_ns(u64 ns, u32 tick_hz)
{
    constexpr u64 NS_PER_SECOND = 1000000000ull;
    return ns / NS_PER_SECOND * tick_hz + ns % NS_PER_SECOND * tick_hz / NS_PER_SECOND;
}

// Adopts the calling flow (the boot thread) as thread "boot" at PRIORITY_NORMAL,
// and creates the idle and reaper threads of CPU 0. tick_hz is the rate at which
// the arch calls on_timer_tick() (e.g. 100 or 1000). Error::Exists if called twice.
Result<void> init(u32 tick_hz, TickSource source = TickSource::CountedInterrupts);
bool is_initialized();

// The running thread. Needs init(); current_or_null() is null before it.
Thread& current();
Thread* current_or_null();

// Gives the CPU to another runnable thread of the same or higher priority.
void yield();
// Sleeps for at least ms milliseconds (rounded up to whole ticks, plus one so
// that a partly elapsed tick never shortens the sleep).
void sleep_ms(u64 ms);

// The current tick (see TickSource) and the tick rate.
u64 ticks();
u32 tick_hz();
// Absolute tick deadline for a timeout of ms from now (NO_DEADLINE for WAIT_FOREVER).
u64 deadline_after_ms(u64 ms);

// Called by the arch timer interrupt on every CPU, with interrupts disabled: CPU 0
// wakes the timeouts that expired by ticks(); every CPU charges the tick to its
// running thread and requests a reschedule at the end of the slice.
void on_timer_tick();
// Switches threads if a reschedule was requested. Called by the arch at the end
// of an interrupt (interrupts disabled), or from thread context holding no
// spinlock. Never call it from the middle of an interrupt handler.
void preempt_if_needed();

// The blocking protocol, for WaitQueue and similar primitives:
//   1. with the queue's guard lock held, link the current thread on the queue and
//      call prepare_to_block(state, deadline);
//   2. release the guard lock, call block_current(), take the guard lock again.
// A wake() between 1 and 2 is not lost: block_current() then returns at once.
void prepare_to_block(ThreadState state, u64 deadline_tick);
// Returns WakeReason::Woken or WakeReason::TimedOut; disarms any timeout.
WakeReason block_current();
// Makes a Blocked or Sleeping thread runnable; false if it was not waiting (it was
// woken already, or timed out). Safe from interrupt context; does not switch.
bool wake(Thread& thread);

// Ends the calling thread; its stack is freed later by the reaper.
[[noreturn]] void thread_exit_current();
// Completes a context switch on the side of the thread switched to: releases the
// run queue lock the previous thread took and hands a dead one to the reaper.
// Called by Thread's start routine on first run, and internally after a switch.
void finish_context_switch();

// Called just before every context switch, with the run queue lock held and
// interrupts disabled, for the thread about to run. The process layer uses it to
// switch address spaces; it must not block, allocate or take a sleeping lock.
using SwitchHook = void (*)(Thread& next);
void set_switch_hook(SwitchHook hook);

// Whether the running thread should abandon a long wait (a signal is pending for
// its process). The process layer installs the check; without one, never.
using InterruptionCheck = bool (*)();
void set_interruption_check(InterruptionCheck check);
bool interruption_pending();

// A snapshot of one thread for the monitor's `threads` command.
struct ThreadInfo {
    u64 id;
    char name[Thread::NAME_CAPACITY];
    ThreadState state;
    u8 priority;
    u32 cpu;
    u64 cpu_ticks;
    u64 cpu_time_ns;
};
// Fills up to capacity entries; returns the number of threads (which may be more).
usize snapshot_threads(ThreadInfo* out, usize capacity);
usize thread_count();
// Number of context switches since init() (for benchmarks and the monitor).
u64 context_switch_count();

} // namespace sched
