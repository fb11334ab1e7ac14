// In-kernel self-tests of the scheduler and locks. Tests whose names carry
// "[timer]" need real timer interrupts (busy threads preempted, wall-clock time);
// the host runs the others too (tests/host/kernel/sched/sched_selftest_test.cpp).
#include <atomic>

#include "kernel/arch/time.h"
#include "kernel/sched/scheduler.h"
#include "kernel/selftest/selftest.h"
#include "kernel/sync/mutex.h"
#include "kernel/sync/semaphore.h"

namespace {

constexpr usize FAIRNESS_THREADS = 3;
constexpr u64 FAIRNESS_MS = 300;

struct BusyShared {
    std::atomic<bool> stop { false };
};

void busy_main(void* raw)
{
    auto* shared = static_cast<BusyShared*>(raw);
    while (!shared->stop.load(std::memory_order_relaxed)) { }
}

struct MutexShared {
    Mutex mutex;
    u64 counter { 0 };
    u32 inside { 0 };
    bool overlap { false };
};

constexpr u32 MUTEX_THREADS = 4;
constexpr u32 MUTEX_ROUNDS = 500;

void mutex_main(void* raw)
{
    auto* shared = static_cast<MutexShared*>(raw);
    for (u32 round = 0; round < MUTEX_ROUNDS; ++round) {
        MutexLocker locker(shared->mutex);
        if (++shared->inside != 1)
            shared->overlap = true;
        u64 seen = shared->counter;
        if (round % 8 == 0)
            sched::yield(); // hold the mutex across a switch now and then
        shared->counter = seen + 1;
        --shared->inside;
    }
}

// Until the arch delivers timer ticks, sleeps never end: the "[timer]" tests
// check for ticks over 100 ms of wall-clock time first and skip without them.
bool timer_is_ticking(SelfTestContext& t)
{
    u64 start_ticks = sched::ticks();
    u64 start_ns = arch::monotonic_ns();
    while (sched::ticks() == start_ticks) {
        if (arch::monotonic_ns() - start_ns > 100 * 1000000ull) {
            t.note("skipped: no timer ticks arrive");
            return false;
        }
    }
    return true;
}

} // namespace

SELFTEST("sched: equal-priority busy threads share the CPU [timer]")
{
    if (!timer_is_ticking(t))
        return;
    BusyShared shared;
    RefPtr<Thread> threads[FAIRNESS_THREADS];
    u64 before[FAIRNESS_THREADS] = {};
    for (usize i = 0; i < FAIRNESS_THREADS; ++i) {
        auto created = Thread::create("busy", busy_main, &shared, sched::current().priority());
        ST_EXPECT(!created.is_error());
        if (created.is_error()) {
            shared.stop = true;
            break;
        }
        threads[i] = created.release_value();
    }
    sched::sleep_ms(FAIRNESS_MS);
    shared.stop = true;
    u64 total = 0;
    for (usize i = 0; i < FAIRNESS_THREADS; ++i) {
        if (!threads[i])
            continue;
        ST_EXPECT(!threads[i]->join(5000).is_error());
        before[i] = threads[i]->cpu_ticks();
        total += before[i];
    }
    t.note("busy thread ticks: %llu %llu %llu", (unsigned long long)before[0],
        (unsigned long long)before[1], (unsigned long long)before[2]);
    ST_EXPECT(total > 0);
    for (usize i = 0; i < FAIRNESS_THREADS; ++i)
        ST_EXPECT(before[i] * 4 * FAIRNESS_THREADS >= total);
}

SELFTEST("sched: sleep and timed waits last at least as long as asked [timer]")
{
    if (!timer_is_ticking(t))
        return;
    for (u64 ms : { 1ull, 10ull, 25ull }) {
        u64 start = arch::monotonic_ns();
        sched::sleep_ms(ms);
        u64 elapsed = arch::monotonic_ns() - start;
        ST_EXPECT(elapsed >= ms * 1000000);
    }
    Semaphore never_posted;
    u64 start = arch::monotonic_ns();
    ST_EXPECT(never_posted.wait(15).error() == Error::TimedOut);
    ST_EXPECT(arch::monotonic_ns() - start >= 15 * 1000000ull);
}

SELFTEST("sched: mutex keeps a shared counter exact under contention")
{
    MutexShared shared;
    RefPtr<Thread> threads[MUTEX_THREADS];
    for (u32 i = 0; i < MUTEX_THREADS; ++i) {
        auto created = Thread::create("mutex", mutex_main, &shared, sched::PRIORITY_NORMAL);
        ST_EXPECT(!created.is_error());
        if (!created.is_error())
            threads[i] = created.release_value();
    }
    u32 started = 0;
    for (u32 i = 0; i < MUTEX_THREADS; ++i) {
        if (threads[i]) {
            ST_EXPECT(!threads[i]->join().is_error());
            ++started;
        }
    }
    ST_EXPECT(shared.counter == u64(started) * MUTEX_ROUNDS);
    ST_EXPECT(!shared.overlap);
    ST_EXPECT(!shared.mutex.is_locked());
}

SELFTEST("sched: a higher-priority thread runs before its creator continues")
{
    std::atomic<bool> ran { false };
    auto created = Thread::create(
        "urgent", [](void* flag) { static_cast<std::atomic<bool>*>(flag)->store(true); }, &ran,
        sched::PRIORITY_HIGH);
    ST_EXPECT(!created.is_error());
    if (created.is_error())
        return;
    ST_EXPECT(ran.load());
    ST_EXPECT(!created.value()->join().is_error());
}
