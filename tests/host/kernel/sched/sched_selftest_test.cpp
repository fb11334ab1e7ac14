// Runs the in-kernel scheduler and port self-tests on the host (all but those
// marked "[timer]", which need real timer interrupts), and the benchmark once.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "kernel/sched/sched_bench.h"
#include "kernel/selftest/selftest.h"
#include "sched_test_support.h"

extern SelfTestCase const __start_unum_selftests[] __attribute__((weak));
extern SelfTestCase const __stop_unum_selftests[] __attribute__((weak));

TEST_CASE("the sched and port self-tests pass on the host", "[sched][selftest]")
{
    sched_test_init();
    int ran = 0;
    for (SelfTestCase const* test = __start_unum_selftests; test != __stop_unum_selftests; ++test) {
        bool ours = std::strncmp(test->name, "sched:", 6) == 0 || std::strncmp(test->name, "port:", 5) == 0;
        if (!ours || std::strstr(test->name, "[timer]"))
            continue;
        SelfTestContext context;
        test->run(context);
        INFO(test->name);
        CHECK(context.failures() == 0);
        ++ran;
    }
    REQUIRE(ran == 4);
}

namespace {
std::vector<std::string> g_reported;
void record(char const* name, u64 value, char const*)
{
    if (value > 0)
        g_reported.push_back(name);
}
}

TEST_CASE("sched_bench reports both figures", "[sched][bench]")
{
    sched_test_init();
    g_reported.clear();
    usize threads_before = sched::thread_count();
    sched_bench(record);
    REQUIRE(g_reported == std::vector<std::string> { "context_switches_per_s", "port_round_trips_per_s" });
    sched::sleep_ms(1);
    REQUIRE(sched::thread_count() == threads_before);
}
