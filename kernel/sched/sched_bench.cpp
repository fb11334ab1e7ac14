// Benchmarks: two threads of equal priority yielding to each other (every yield
// is a context switch), and a client calling a server through a port.
#include "kernel/sched/sched_bench.h"

#include "kernel/arch/time.h"
#include "kernel/ipc/port.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sync/semaphore.h"

namespace {

constexpr u32 YIELDS_PER_THREAD = 20000;
constexpr u32 ROUND_TRIPS = 5000;

// The pair starts together: created at a higher priority, the first would
// otherwise finish all its yields before the second exists.
void yielder_main(void* raw)
{
    if (static_cast<Semaphore*>(raw)->wait().is_error())
        return;
    for (u32 i = 0; i < YIELDS_PER_THREAD; ++i)
        sched::yield();
}

void echo_main(void* raw)
{
    auto* port = static_cast<Port*>(raw);
    for (;;) {
        auto request = port->receive(WAIT_FOREVER);
        if (request.is_error())
            return;
        (void)port->reply(request.value().reply_token(), Message(request.value().type()));
    }
}

u64 per_second(u64 count, u64 ns) { return ns ? count * 1000000000ull / ns : 0; }

void bench_switches(void (*report)(char const*, u64, char const*))
{
    // Above the caller, so the pair runs undisturbed while the caller waits.
    u8 priority = sched::current().priority() < sched::PRIORITY_MAX ? sched::current().priority() + 1 : sched::PRIORITY_MAX;
    Semaphore go;
    auto a = Thread::create("bench-yield", yielder_main, &go, priority);
    auto b = Thread::create("bench-yield", yielder_main, &go, priority);
    u64 switches_before = sched::context_switch_count();
    u64 start = arch::monotonic_ns();
    go.post(2);
    if (!a.is_error())
        (void)a.value()->join();
    if (!b.is_error())
        (void)b.value()->join();
    u64 ns = arch::monotonic_ns() - start;
    if (a.is_error() || b.is_error())
        return;
    report("context_switches_per_s", per_second(sched::context_switch_count() - switches_before, ns), "1/s");
}

void bench_port(void (*report)(char const*, u64, char const*))
{
    auto port = Port::create("bench-echo", 4);
    if (port.is_error())
        return;
    auto server = Thread::create("bench-echo", echo_main, port.value().ptr(), sched::current().priority());
    if (server.is_error())
        return;
    u64 done = 0;
    u64 start = arch::monotonic_ns();
    for (u32 i = 0; i < ROUND_TRIPS; ++i) {
        if (port.value()->call(Message(i), 5000).is_error())
            break;
        ++done;
    }
    u64 ns = arch::monotonic_ns() - start;
    port.value()->close();
    (void)server.value()->join();
    report("port_round_trips_per_s", per_second(done, ns), "1/s");
}

} // namespace

void sched_bench(void (*report)(char const* name, u64 value, char const* unit))
{
    bench_switches(report);
    bench_port(report);
}
