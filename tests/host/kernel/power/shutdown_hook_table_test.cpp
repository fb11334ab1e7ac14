// Tests for the shutdown hook table: newest-first order, the bound, arguments,
// and hooks that register more hooks while running.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kernel/power/shutdown_hook_table.h"

namespace {

struct Trace {
    std::vector<std::string> calls;
};

std::vector<std::string> g_announced;

void announce(char const* name) { g_announced.push_back(name); }
void record_a(void* context) { static_cast<Trace*>(context)->calls.push_back("a"); }
void record_b(void* context) { static_cast<Trace*>(context)->calls.push_back("b"); }
void record_c(void* context) { static_cast<Trace*>(context)->calls.push_back("c"); }
void count(void* context) { ++*static_cast<int*>(context); }

} // namespace

TEST_CASE("shutdown hooks run newest first, each announced by name")
{
    ShutdownHookTable table;
    Trace trace;
    REQUIRE(!table.add("first", record_a, &trace).is_error());
    REQUIRE(!table.add("second", record_b, &trace).is_error());
    REQUIRE(!table.add("third", record_c, &trace).is_error());
    g_announced.clear();
    CHECK(table.run_all(announce) == 3);
    CHECK(trace.calls == std::vector<std::string> { "c", "b", "a" });
    CHECK(g_announced == std::vector<std::string> { "third", "second", "first" });
}

TEST_CASE("shutdown hooks: an empty table runs nothing")
{
    ShutdownHookTable table;
    CHECK(table.size() == 0);
    CHECK(table.run_all(nullptr) == 0);
}

TEST_CASE("shutdown hooks: the table holds CAPACITY hooks and refuses more")
{
    ShutdownHookTable table;
    int calls = 0;
    for (usize i = 0; i < ShutdownHookTable::CAPACITY; ++i)
        REQUIRE(!table.add("counter", count, &calls).is_error());
    CHECK(table.add("one too many", count, &calls).error() == Error::NoSpace);
    CHECK(table.size() == ShutdownHookTable::CAPACITY);
    CHECK(table.run_all(nullptr) == ShutdownHookTable::CAPACITY);
    CHECK(calls == int(ShutdownHookTable::CAPACITY));
}

TEST_CASE("shutdown hooks: a null name or function is refused")
{
    ShutdownHookTable table;
    int calls = 0;
    CHECK(table.add(nullptr, count, &calls).error() == Error::InvalidArgument);
    CHECK(table.add("no function", nullptr, &calls).error() == Error::InvalidArgument);
    CHECK(table.size() == 0);
}

namespace {

ShutdownHookTable* g_reentrant_table;

void register_another(void* context)
{
    ++*static_cast<int*>(context);
    (void)g_reentrant_table->add("late", count, context);
}

} // namespace

TEST_CASE("shutdown hooks: a hook added while hooks run is not called in that run")
{
    ShutdownHookTable table;
    g_reentrant_table = &table;
    int calls = 0;
    REQUIRE(!table.add("registers", register_another, &calls).is_error());
    CHECK(table.run_all(nullptr) == 1);
    CHECK(calls == 1);
    CHECK(table.size() == 2);
}
