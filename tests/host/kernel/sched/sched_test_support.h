// Host-test support for code that needs threads: one scheduler per test process
// (the Catch2 main thread becomes the boot thread) and a "ticker" thread at the
// lowest priority that delivers a timer tick whenever everything else waits, so
// time advances exactly when all test threads are blocked or asleep.
#pragma once

#include <functional>

#include "kernel/lib/ref_ptr.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"

inline constexpr u32 TEST_TICK_HZ = 1000;

// Every test that uses threads calls it first: the first call starts the
// scheduler, later ones let leftovers of earlier tests settle.
void sched_test_init();

// Starts fn in a new kernel thread.
NonnullRefPtr<Thread> spawn(char const* name, u8 priority, std::function<void()> fn);

// What the arch does on a timer interrupt: on_timer_tick(), then a preemption
// check at "interrupt exit".
void fake_timer_interrupt();

// Ticks the ticker delivered since sched_test_init().
u64 ticker_ticks();
