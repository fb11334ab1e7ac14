// WaitQueue on the host: wake_one/wake_all, timeouts, no lost wake-up, and a
// wake-up that skips a waiter which already timed out.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/arch/cpu.h"
#include "kernel/sync/wait_queue.h"
#include "tests/host/kernel/sched/sched_test_support.h"

TEST_CASE("wait_until returns at once when the condition already holds", "[wait_queue]")
{
    sched_test_init();
    Spinlock guard;
    WaitQueue queue;
    bool ready = true;
    SpinlockGuard locked(guard);
    REQUIRE(!queue.wait_until(guard, [&] { return ready; }, 0).is_error());
    ready = false;
    REQUIRE(queue.wait_until(guard, [&] { return ready; }, 0).error() == Error::TimedOut);
}

TEST_CASE("a wake between setting the condition and waiting is not lost", "[wait_queue]")
{
    sched_test_init();
    Spinlock guard;
    WaitQueue queue;
    bool ready = false;
    Result<void> result = Error::Canceled;
    // Lower priority: it cannot run before this thread blocks.
    auto waiter = spawn("waiter", sched::PRIORITY_LOW, [&] {
        SpinlockGuard locked(guard);
        result = queue.wait_until(guard, [&] { return ready; });
    });
    // The waker runs first and completes before the waiter checks.
    {
        SpinlockGuard locked(guard);
        ready = true;
        REQUIRE(!queue.wake_one());
    }
    REQUIRE(!waiter->join(100).is_error());
    REQUIRE(!result.is_error());
}

TEST_CASE("wake_one wakes one waiter in FIFO order, wake_all the rest", "[wait_queue]")
{
    sched_test_init();
    Spinlock guard;
    WaitQueue queue;
    int tokens = 0;
    std::vector<int> order;
    std::vector<NonnullRefPtr<Thread>> threads;
    for (int i = 0; i < 3; ++i) {
        threads.push_back(spawn("w", sched::PRIORITY_NORMAL, [&, i] {
            SpinlockGuard locked(guard);
            REQUIRE(!queue.wait_until(guard, [&] { return tokens > 0; }).is_error());
            --tokens;
            order.push_back(i);
        }));
    }
    sched::sleep_ms(1);
    {
        SpinlockGuard locked(guard);
        REQUIRE(queue.has_waiters());
        tokens = 1;
        REQUIRE(queue.wake_one());
    }
    sched::sleep_ms(1);
    REQUIRE(order == std::vector<int> { 0 });
    {
        SpinlockGuard locked(guard);
        tokens = 2;
        REQUIRE(queue.wake_all() == 2);
    }
    for (auto& t : threads)
        REQUIRE(!t->join().is_error());
    REQUIRE(order == std::vector<int> { 0, 1, 2 });
}

TEST_CASE("a waiter times out and a later wake_one skips it", "[wait_queue]")
{
    sched_test_init();
    Spinlock guard;
    WaitQueue queue;
    Result<void> first = Error::Canceled;
    Result<void> second = Error::Canceled;
    // Higher priority than this thread: each runs at once and blocks on the
    // queue; the ticks are then delivered by hand, with no preemption point.
    auto t1 = spawn("short", sched::PRIORITY_HIGH, [&] {
        SpinlockGuard locked(guard);
        first = queue.wait(guard, 1);
    });
    auto t2 = spawn("long", sched::PRIORITY_HIGH, [&] {
        SpinlockGuard locked(guard);
        second = queue.wait(guard);
    });
    REQUIRE(t1->state() == ThreadState::Blocked);
    REQUIRE(t2->state() == ThreadState::Blocked);
    // Three ticks expire the 1 ms timeout; t1 is runnable but has not run yet.
    for (int i = 0; i < 3; ++i) {
        arch::InterruptState saved = arch::interrupts_save_disable();
        sched::on_timer_tick();
        arch::interrupts_restore(saved);
    }
    REQUIRE(t1->state() == ThreadState::Runnable);
    {
        SpinlockGuard locked(guard);
        REQUIRE(queue.wake_one()); // skips t1, wakes t2
    }
    REQUIRE(!t1->join().is_error());
    REQUIRE(!t2->join().is_error());
    REQUIRE(first.error() == Error::TimedOut);
    REQUIRE(!second.is_error());
}
