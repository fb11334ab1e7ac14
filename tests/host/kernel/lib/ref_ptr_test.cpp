// Tests of RefCounted, RefPtr and NonnullRefPtr: counts, adoption, conversions.
#include <catch2/catch.hpp>

#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/ref_counted.h"

namespace {

int g_alive = 0;

class Base : public RefCounted<Base> {
public:
    explicit Base(int v)
        : value(v)
    {
        ++g_alive;
    }
    virtual ~Base() { --g_alive; }
    int value;
};

class Derived : public Base {
public:
    Derived()
        : Base(7)
    {
    }
};

} // namespace

TEST_CASE("make_ref adopts the initial reference", "[ref_ptr]")
{
    g_alive = 0;
    {
        auto result = make_ref<Base>(5);
        REQUIRE(!result.is_error());
        NonnullRefPtr<Base> a = result.release_value();
        CHECK(a->ref_count() == 1);
        CHECK(g_alive == 1);
        {
            NonnullRefPtr<Base> b = a;
            CHECK(a->ref_count() == 2);
            RefPtr<Base> c = b;
            CHECK(a->ref_count() == 3);
        }
        CHECK(a->ref_count() == 1);
    }
    CHECK(g_alive == 0);
}

TEST_CASE("RefPtr move, clear, null", "[ref_ptr]")
{
    g_alive = 0;
    RefPtr<Base> empty;
    CHECK(empty.is_null());
    CHECK(!empty);
    CHECK(empty == nullptr);
    RefPtr<Base> p = adopt_ref(*new Base(1));
    CHECK(p);
    RefPtr<Base> q = std::move(p);
    CHECK(p.is_null());
    CHECK(q->ref_count() == 1);
    RefPtr<Base> r;
    r = q;
    CHECK(r == q);
    CHECK(q->ref_count() == 2);
    q.clear();
    CHECK(r->ref_count() == 1);
    CHECK(g_alive == 1);
    r = nullptr;
    CHECK(g_alive == 0);
}

TEST_CASE("RefPtr self-assignment keeps the object alive", "[ref_ptr]")
{
    g_alive = 0;
    RefPtr<Base> p = adopt_ref(*new Base(2));
    RefPtr<Base>& alias = p;
    p = alias;
    CHECK(g_alive == 1);
    CHECK(p->value == 2);
    p = std::move(alias);
    CHECK(g_alive == 1);
    CHECK(p->value == 2);
    p.clear();
    CHECK(g_alive == 0);
}

TEST_CASE("Derived converts to base and deletes through the virtual destructor", "[ref_ptr]")
{
    g_alive = 0;
    {
        NonnullRefPtr<Derived> d = make_ref<Derived>().release_value();
        NonnullRefPtr<Base> b = d;
        RefPtr<Base> rb = d;
        CHECK(b->value == 7);
        CHECK(d->ref_count() == 3);
        RefPtr<Base> moved = std::move(d);
        CHECK(moved->ref_count() == 3);
    }
    CHECK(g_alive == 0);
}

TEST_CASE("leak_ref and adopt round trip; release_nonnull", "[ref_ptr]")
{
    g_alive = 0;
    RefPtr<Base> p = adopt_ref(*new Base(3));
    Base* raw = p.leak_ref();
    CHECK(p.is_null());
    CHECK(g_alive == 1);
    RefPtr<Base> back = adopt_ref(*raw);
    NonnullRefPtr<Base> nn = back.release_nonnull();
    CHECK(back.is_null());
    CHECK(nn->ref_count() == 1);
    CHECK(&*nn == raw);
}

TEST_CASE("adopt_ref_if_nonnull reports NoMemory for null", "[ref_ptr]")
{
    auto result = adopt_ref_if_nonnull<Base>(nullptr);
    REQUIRE(result.is_error());
    CHECK(result.error() == Error::NoMemory);
}
