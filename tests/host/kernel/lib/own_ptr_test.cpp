// Tests of OwnPtr and make_own: sole ownership, moves, conversions.
#include <catch2/catch.hpp>

#include "kernel/lib/own_ptr.h"

namespace {

int g_alive = 0;

struct Base {
    Base() { ++g_alive; }
    virtual ~Base() { --g_alive; }
    virtual int kind() const { return 1; }
};

struct Derived : Base {
    explicit Derived(int v)
        : value(v)
    {
    }
    int kind() const override { return 2; }
    int value;
};

} // namespace

TEST_CASE("make_own allocates and OwnPtr deletes", "[own_ptr]")
{
    g_alive = 0;
    {
        auto result = make_own<Derived>(42);
        REQUIRE(!result.is_error());
        OwnPtr<Derived> p = result.release_value();
        CHECK(p->value == 42);
        CHECK(g_alive == 1);
    }
    CHECK(g_alive == 0);
}

TEST_CASE("OwnPtr moves transfer ownership", "[own_ptr]")
{
    g_alive = 0;
    OwnPtr<Derived> a = make_own<Derived>(1).release_value();
    OwnPtr<Base> b = std::move(a);
    CHECK(a.is_null());
    CHECK(b->kind() == 2);
    OwnPtr<Base> c;
    c = std::move(b);
    CHECK(!b);
    CHECK(c);
    CHECK(g_alive == 1);
    c = make_own<Derived>(2).release_value(); // replaces: old one deleted
    CHECK(g_alive == 1);
    c = nullptr;
    CHECK(g_alive == 0);
}

TEST_CASE("OwnPtr leak_ptr gives up ownership", "[own_ptr]")
{
    g_alive = 0;
    OwnPtr<Base> p = make_own<Base>().release_value();
    Base* raw = p.leak_ptr();
    CHECK(p.is_null());
    CHECK(g_alive == 1);
    delete raw;
    CHECK(g_alive == 0);
}

TEST_CASE("adopt_own_if_nonnull maps null to NoMemory", "[own_ptr]")
{
    auto result = adopt_own_if_nonnull<Base>(nullptr);
    REQUIRE(result.is_error());
    CHECK(result.error() == Error::NoMemory);
}
