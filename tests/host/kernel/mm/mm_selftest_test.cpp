// Runs the in-kernel mm self-tests (kernel/mm/mm_selftest.cpp) on the host, over the
// global allocators and a host arena, so they are known to pass before a boot.
#include <catch2/catch.hpp>

#include <cstring>

#include "kernel/selftest/selftest.h"
#include "test_arena.h"

extern SelfTestCase const __start_unum_selftests[] __attribute__((weak));
extern SelfTestCase const __stop_unum_selftests[] __attribute__((weak));

TEST_CASE("The mm self-tests pass on the host", "[mm][selftest]")
{
    global_test_arena();
    int ran = 0;
    for (SelfTestCase const* test = __start_unum_selftests; test != __stop_unum_selftests; ++test) {
        if (std::strncmp(test->name, "mm:", 3) != 0)
            continue;
        // Host operator new is libc's, not kmalloc: that test only means something in the kernel.
        if (std::strstr(test->name, "new"))
            continue;
        SelfTestContext context;
        test->run(context);
        INFO(test->name);
        CHECK(context.failures() == 0);
        ++ran;
    }
    REQUIRE(ran == 4);
}
