// Mutex on the host: mutual exclusion under contention, owner tracking,
// try_lock and timed lock.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/sync/mutex.h"
#include "tests/host/kernel/sched/sched_test_support.h"

TEST_CASE("mutex keeps a read-modify-write atomic across yields", "[mutex]")
{
    sched_test_init();
    Mutex mutex;
    int counter = 0;
    int inside = 0;
    int max_inside = 0;
    std::vector<NonnullRefPtr<Thread>> threads;
    for (int i = 0; i < 4; ++i) {
        threads.push_back(spawn("m", sched::PRIORITY_NORMAL, [&] {
            for (int round = 0; round < 50; ++round) {
                MutexLocker locker(mutex);
                ++inside;
                max_inside = std::max(max_inside, inside);
                int seen = counter;
                sched::yield(); // invite the others in
                counter = seen + 1;
                --inside;
            }
        }));
    }
    for (auto& t : threads)
        REQUIRE(!t->join().is_error());
    REQUIRE(counter == 200);
    REQUIRE(max_inside == 1);
    REQUIRE(!mutex.is_locked());
}

TEST_CASE("mutex tracks its owner; try_lock and timed lock fail while owned", "[mutex]")
{
    sched_test_init();
    Mutex mutex;
    mutex.lock();
    REQUIRE(mutex.is_owned_by_current());
    bool tried = true;
    Result<void> timed = Error::Canceled;
    bool owned_elsewhere = true;
    auto other = spawn("other", sched::PRIORITY_NORMAL, [&] {
        tried = mutex.try_lock();
        owned_elsewhere = mutex.is_owned_by_current();
        timed = mutex.lock(5);
    });
    REQUIRE(!other->join().is_error());
    REQUIRE(!tried);
    REQUIRE(!owned_elsewhere);
    REQUIRE(timed.error() == Error::TimedOut);
    mutex.unlock();
    REQUIRE(!mutex.is_locked());
}

TEST_CASE("unlock hands the mutex to a waiter", "[mutex]")
{
    sched_test_init();
    Mutex mutex;
    mutex.lock();
    bool got_it = false;
    auto waiter = spawn("waiter", sched::PRIORITY_HIGH, [&] {
        mutex.lock();
        got_it = true;
        mutex.unlock();
    });
    REQUIRE(!got_it); // it ran and blocked
    mutex.unlock();   // it outranks us, so it runs before unlock returns
    REQUIRE(got_it);
    REQUIRE(!waiter->join().is_error());
}
