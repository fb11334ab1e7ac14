// Scheduler semantics on the host: round robin within a priority, preemption by
// priority and by time slice, sleep ordering, exit/join/reap, thread listing.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/sched/scheduler.h"
#include "sched_test_support.h"

TEST_CASE("init adopts the caller and a second init is refused", "[sched]")
{
    sched_test_init();
    REQUIRE(sched::is_initialized());
    REQUIRE(sched::current().state() == ThreadState::Running);
    REQUIRE(sched::init(100).error() == Error::Exists);
}

TEST_CASE("monotonic-clock ticks are whole periods, rounded down, without overflow", "[sched]")
{
    STATIC_REQUIRE(sched::ticks_at_ns(0, 1000) == 0);
    STATIC_REQUIRE(sched::ticks_at_ns(999999, 1000) == 0);
    STATIC_REQUIRE(sched::ticks_at_ns(1000000, 1000) == 1);
    STATIC_REQUIRE(sched::ticks_at_ns(2500000000ull, 100) == 250);
    STATIC_REQUIRE(sched::ticks_at_ns(1999999999ull, 3) == 5);
    // A century of uptime at 10 kHz: ns * hz would overflow 64 bits.
    constexpr u64 century_ns = 100ull * 365 * 86400 * 1000000000ull;
    STATIC_REQUIRE(sched::ticks_at_ns(century_ns, 10000) == 100ull * 365 * 86400 * 10000);
}

TEST_CASE("threads of equal priority run round robin", "[sched]")
{
    sched_test_init();
    std::vector<int> order;
    std::vector<NonnullRefPtr<Thread>> threads;
    for (int i = 0; i < 3; ++i) {
        threads.push_back(spawn("rr", sched::PRIORITY_NORMAL, [&order, i] {
            for (int round = 0; round < 3; ++round) {
                order.push_back(i);
                sched::yield();
            }
        }));
    }
    // Equal priority: nothing has run before the creator gives up the CPU.
    REQUIRE(order.empty());
    for (auto& t : threads)
        REQUIRE(!t->join().is_error());
    REQUIRE(order == std::vector<int> { 0, 1, 2, 0, 1, 2, 0, 1, 2 });
}

TEST_CASE("a higher-priority thread preempts its creator, a lower one waits", "[sched]")
{
    sched_test_init();
    bool high_ran = false;
    bool low_ran = false;
    auto high = spawn("high", sched::PRIORITY_HIGH, [&] { high_ran = true; });
    REQUIRE(high_ran);
    auto low = spawn("low", sched::PRIORITY_LOW, [&] { low_ran = true; });
    sched::yield();
    REQUIRE(!low_ran);
    REQUIRE(!low->join().is_error());
    REQUIRE(low_ran);
    REQUIRE(high->has_exited());
}

TEST_CASE("a woken higher-priority sleeper preempts at the next interrupt", "[sched]")
{
    sched_test_init();
    bool woke = false;
    u64 woke_at = 0;
    auto sleeper = spawn("sleeper", sched::PRIORITY_HIGH, [&] {
        sched::sleep_ms(3);
        woke = true;
        woke_at = sched::ticks();
    });
    // The sleeper is asleep now; the main thread "busy loops" through interrupts.
    u64 interrupts = 0;
    while (!woke && interrupts < 20) {
        fake_timer_interrupt();
        ++interrupts;
    }
    REQUIRE(woke);
    // It ran inside the very interrupt whose tick expired its sleep.
    REQUIRE(woke_at == sched::ticks());
    REQUIRE(interrupts >= 3);
    REQUIRE(!sleeper->join().is_error());
}

TEST_CASE("time slices rotate busy threads of equal priority", "[sched]")
{
    sched_test_init();
    std::vector<int> runs; // which thread ran each simulated tick
    bool stop = false;
    auto busy = [&](int index) {
        return [&, index] {
            while (!stop) {
                runs.push_back(index);
                if (runs.size() >= 200)
                    stop = true;
                fake_timer_interrupt();
            }
        };
    };
    auto a = spawn("busy-a", sched::PRIORITY_NORMAL, busy(0));
    auto b = spawn("busy-b", sched::PRIORITY_NORMAL, busy(1));
    REQUIRE(!a->join().is_error());
    REQUIRE(!b->join().is_error());
    usize count[2] = { 0, 0 };
    usize switches = 0;
    for (usize i = 0; i < runs.size(); ++i) {
        ++count[runs[i]];
        if (i > 0 && runs[i] != runs[i - 1])
            ++switches;
    }
    // 10 ms slices at 1 kHz: each ran in turns of ten ticks.
    REQUIRE(count[0] >= 90);
    REQUIRE(count[1] >= 90);
    REQUIRE(switches >= 15);
}

TEST_CASE("sleepers wake in deadline order and never early", "[sched]")
{
    sched_test_init();
    std::vector<u64> woke;
    std::vector<NonnullRefPtr<Thread>> threads;
    for (u64 ms : { 30u, 10u, 20u }) {
        threads.push_back(spawn("sleep", sched::PRIORITY_NORMAL, [&woke, ms] {
            u64 start = sched::ticks();
            sched::sleep_ms(ms);
            REQUIRE(sched::ticks() - start >= ms * TEST_TICK_HZ / 1000);
            woke.push_back(ms);
        }));
    }
    for (auto& t : threads)
        REQUIRE(!t->join().is_error());
    REQUIRE(woke == std::vector<u64> { 10, 20, 30 });
}

TEST_CASE("join times out on a thread that is still running", "[sched]")
{
    sched_test_init();
    bool release = false;
    auto waiter = spawn("long", sched::PRIORITY_NORMAL, [&] {
        while (!release)
            sched::sleep_ms(1);
    });
    REQUIRE(waiter->join(5).error() == Error::TimedOut);
    REQUIRE(sched::current().join().error() == Error::InvalidArgument);
    release = true;
    REQUIRE(!waiter->join().is_error());
}

TEST_CASE("dead threads are reaped and leave the thread list", "[sched]")
{
    sched_test_init();
    sched::sleep_ms(1); // lets the reaper finish earlier tests' threads
    usize before = sched::thread_count();
    {
        auto t = spawn("short", sched::PRIORITY_NORMAL, [] { });
        REQUIRE(!t->join().is_error());
    }
    // The reaper runs at top priority as soon as this thread lets it.
    sched::yield();
    sched::sleep_ms(1);
    REQUIRE(sched::thread_count() == before);
}

TEST_CASE("thread snapshot lists names, states and priorities", "[sched]")
{
    sched_test_init();
    bool release = false;
    auto t = spawn("listed", sched::PRIORITY_LOW, [&] {
        while (!release)
            sched::sleep_ms(1);
    });
    sched::sleep_ms(2);
    sched::ThreadInfo infos[64];
    usize n = sched::snapshot_threads(infos, 64);
    REQUIRE(n <= 64);
    bool found_listed = false, found_boot = false, found_idle = false;
    for (usize i = 0; i < n; ++i) {
        std::string_view name(infos[i].name);
        if (name == "listed") {
            found_listed = true;
            REQUIRE(infos[i].priority == sched::PRIORITY_LOW);
            REQUIRE(infos[i].state == ThreadState::Sleeping);
            REQUIRE(infos[i].id == t->id());
        }
        if (name == "boot") {
            found_boot = true;
            REQUIRE(infos[i].state == ThreadState::Running);
        }
        found_idle |= name == "idle";
    }
    REQUIRE(found_listed);
    REQUIRE(found_boot);
    REQUIRE(found_idle);
    release = true;
    REQUIRE(!t->join().is_error());
}

TEST_CASE("Thread::create rejects bad arguments", "[sched]")
{
    sched_test_init();
    auto noop = [](void*) { };
    REQUIRE(Thread::create("x", noop, nullptr, sched::PRIORITY_IDLE).error() == Error::InvalidArgument);
    REQUIRE(Thread::create("x", noop, nullptr, sched::PRIORITY_MAX + 1).error() == Error::InvalidArgument);
    REQUIRE(Thread::create("x", nullptr, nullptr, sched::PRIORITY_NORMAL).error() == Error::InvalidArgument);
    REQUIRE(std::string_view(thread_state_name(ThreadState::Sleeping)) == "sleeping");
}
