// Semaphore on the host: counting, blocking, timeouts and a bounded
// producer/consumer pair that must neither lose nor duplicate items.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/sync/semaphore.h"
#include "tests/host/kernel/sched/sched_test_support.h"

TEST_CASE("semaphore counts and times out when empty", "[semaphore]")
{
    sched_test_init();
    Semaphore sem(2);
    REQUIRE(sem.try_wait());
    REQUIRE(!sem.wait(0).is_error());
    REQUIRE(!sem.try_wait());
    REQUIRE(sem.wait(0).error() == Error::TimedOut);
    u64 start = sched::ticks();
    REQUIRE(sem.wait(5).error() == Error::TimedOut);
    REQUIRE(sched::ticks() - start >= 5);
    sem.post(3);
    REQUIRE(sem.count() == 3);
}

TEST_CASE("post wakes a blocked waiter", "[semaphore]")
{
    sched_test_init();
    Semaphore sem;
    Result<void> result = Error::Canceled;
    auto waiter = spawn("waiter", sched::PRIORITY_HIGH, [&] { result = sem.wait(); });
    REQUIRE(waiter->state() == ThreadState::Blocked);
    sem.post();
    REQUIRE(!waiter->join().is_error());
    REQUIRE(!result.is_error());
    REQUIRE(sem.count() == 0);
}

TEST_CASE("bounded buffer with two semaphores passes every item once, in order", "[semaphore]")
{
    sched_test_init();
    constexpr int ITEMS = 500;
    constexpr int SLOTS = 4;
    Semaphore free_slots(SLOTS);
    Semaphore full_slots(0);
    int buffer[SLOTS];
    int head = 0, tail = 0;
    std::vector<int> received;
    auto producer = spawn("producer", sched::PRIORITY_NORMAL, [&] {
        for (int i = 0; i < ITEMS; ++i) {
            REQUIRE(!free_slots.wait().is_error());
            buffer[head++ % SLOTS] = i;
            full_slots.post();
            if (i % 7 == 0)
                sched::yield();
        }
    });
    auto consumer = spawn("consumer", sched::PRIORITY_NORMAL, [&] {
        for (int i = 0; i < ITEMS; ++i) {
            REQUIRE(!full_slots.wait().is_error());
            received.push_back(buffer[tail++ % SLOTS]);
            free_slots.post();
            if (i % 5 == 0)
                sched::sleep_ms(1);
        }
    });
    REQUIRE(!producer->join().is_error());
    REQUIRE(!consumer->join().is_error());
    REQUIRE(received.size() == ITEMS);
    for (int i = 0; i < ITEMS; ++i)
        REQUIRE(received[i] == i);
}
