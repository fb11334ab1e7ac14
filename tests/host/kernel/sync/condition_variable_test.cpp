// ConditionVariable on the host: notify_one/notify_all with a predicate loop,
// and a timed wait that returns TimedOut holding the mutex again.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/sync/condition_variable.h"
#include "tests/host/kernel/sched/sched_test_support.h"

TEST_CASE("condition variable wakes waiters whose predicate became true", "[condvar]")
{
    sched_test_init();
    Mutex mutex;
    ConditionVariable cv;
    int generation = 0;
    int woke = 0;
    std::vector<NonnullRefPtr<Thread>> threads;
    for (int i = 0; i < 3; ++i) {
        threads.push_back(spawn("cv", sched::PRIORITY_NORMAL, [&] {
            MutexLocker locker(mutex);
            while (generation == 0)
                REQUIRE(!cv.wait(mutex).is_error());
            REQUIRE(mutex.is_owned_by_current());
            ++woke;
        }));
    }
    sched::sleep_ms(1);
    REQUIRE(woke == 0);
    {
        MutexLocker locker(mutex);
        generation = 1;
        cv.notify_all();
    }
    for (auto& t : threads)
        REQUIRE(!t->join().is_error());
    REQUIRE(woke == 3);
}

TEST_CASE("condition variable wait times out and reacquires the mutex", "[condvar]")
{
    sched_test_init();
    Mutex mutex;
    ConditionVariable cv;
    MutexLocker locker(mutex);
    u64 start = sched::ticks();
    REQUIRE(cv.wait(mutex, 3).error() == Error::TimedOut);
    REQUIRE(sched::ticks() - start >= 3);
    REQUIRE(mutex.is_owned_by_current());
}

TEST_CASE("notify_one wakes exactly one waiter", "[condvar]")
{
    sched_test_init();
    Mutex mutex;
    ConditionVariable cv;
    int tokens = 0;
    int consumed = 0;
    bool done = false;
    std::vector<NonnullRefPtr<Thread>> threads;
    for (int i = 0; i < 2; ++i) {
        threads.push_back(spawn("cv1", sched::PRIORITY_NORMAL, [&] {
            MutexLocker locker(mutex);
            while (tokens == 0 && !done)
                REQUIRE(!cv.wait(mutex).is_error());
            if (tokens > 0) {
                --tokens;
                ++consumed;
            }
        }));
    }
    sched::sleep_ms(1);
    {
        MutexLocker locker(mutex);
        tokens = 1;
        cv.notify_one();
    }
    sched::sleep_ms(1);
    {
        MutexLocker locker(mutex);
        REQUIRE(consumed == 1);
        done = true;
        cv.notify_all();
    }
    for (auto& t : threads)
        REQUIRE(!t->join().is_error());
    REQUIRE(consumed == 1);
}
