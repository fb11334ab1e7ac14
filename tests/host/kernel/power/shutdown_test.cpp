// Tests for the kernel's shutdown sequence up to the arch call: kind names and
// run_shutdown_hooks over the global table (system_shutdown itself does not
// return, so it is covered by tests/system/test_power.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "kernel/power/shutdown.h"

namespace {

std::vector<std::string> g_calls;

void hook_one(void* context) { g_calls.push_back(std::string("one:") + static_cast<char const*>(context)); }
void hook_two(void* context) { g_calls.push_back(std::string("two:") + static_cast<char const*>(context)); }

} // namespace

TEST_CASE("shutdown: kind names as the log prints them")
{
    CHECK(std::string(shutdown_kind_name(ShutdownKind::PowerOff)) == "power off");
    CHECK(std::string(shutdown_kind_name(ShutdownKind::Reboot)) == "reboot");
}

TEST_CASE("shutdown: registered hooks run newest first with their context")
{
    // The kernel's table is global and only grows: look at this test's calls only.
    static char first_context[] = "cluster";
    static char second_context[] = "net";
    REQUIRE(!register_shutdown_hook("test one", hook_one, first_context).is_error());
    REQUIRE(!register_shutdown_hook("test two", hook_two, second_context).is_error());
    g_calls.clear();
    CHECK(run_shutdown_hooks(ShutdownKind::PowerOff) >= 2);
    REQUIRE(g_calls.size() >= 2);
    auto one = std::find(g_calls.begin(), g_calls.end(), "one:cluster");
    auto two = std::find(g_calls.begin(), g_calls.end(), "two:net");
    REQUIRE(one != g_calls.end());
    REQUIRE(two != g_calls.end());
    CHECK(two < one);
    CHECK(register_shutdown_hook("bad", nullptr, nullptr).error() == Error::InvalidArgument);
}
