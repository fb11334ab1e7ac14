// Tests of Vector: fallible growth, element lifetimes, insertion and removal.
#include <catch2/catch.hpp>

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/vector.h"

namespace {

// Counts live instances so leaks and double destruction show up.
struct Tracked {
    static inline int alive = 0;
    static inline int moves = 0;
    Tracked(int v = -1)
        : value(v)
    {
        ++alive;
    }
    Tracked(Tracked const& other)
        : value(other.value)
    {
        ++alive;
    }
    Tracked(Tracked&& other)
        : value(other.value)
    {
        other.value = -99;
        ++alive;
        ++moves;
    }
    Tracked& operator=(Tracked const&) = default;
    Tracked& operator=(Tracked&& other)
    {
        value = other.value;
        other.value = -99;
        ++moves;
        return *this;
    }
    ~Tracked() { --alive; }
    int value;
};

std::vector<int> values_of(Vector<Tracked> const& v)
{
    std::vector<int> out;
    for (Tracked const& t : v)
        out.push_back(t.value);
    return out;
}

} // namespace

TEST_CASE("append grows and keeps every element", "[vector]")
{
    Tracked::alive = 0;
    {
        Vector<Tracked> v;
        CHECK(v.is_empty());
        for (int i = 0; i < 100; ++i)
            REQUIRE(!v.try_append(Tracked(i)).is_error());
        CHECK(v.size() == 100);
        CHECK(v.capacity() >= 100);
        CHECK(Tracked::alive == 100);
        for (int i = 0; i < 100; ++i)
            CHECK(v[i].value == i);
        CHECK(v.first().value == 0);
        CHECK(v.last().value == 99);
    }
    CHECK(Tracked::alive == 0);
}

TEST_CASE("appending an element of the vector itself survives growth", "[vector]")
{
    Tracked::alive = 0;
    {
        Vector<Tracked> v;
        REQUIRE(!v.try_append(Tracked(5)).is_error());
        while (v.size() < v.capacity())
            REQUIRE(!v.try_append(Tracked(6)).is_error());
        REQUIRE(!v.try_append(v[0]).is_error()); // forces growth while referring inside
        CHECK(v.last().value == 5);
    }
    CHECK(Tracked::alive == 0);
}

TEST_CASE("insert, remove, unstable_remove, take_last", "[vector]")
{
    Tracked::alive = 0;
    {
        Vector<Tracked> v;
        for (int i : { 1, 2, 4 })
            REQUIRE(!v.try_append(Tracked(i)).is_error());
        REQUIRE(!v.try_insert(2, Tracked(3)).is_error());
        REQUIRE(!v.try_insert(0, Tracked(0)).is_error());
        REQUIRE(!v.try_insert(5, Tracked(5)).is_error());
        CHECK(values_of(v) == std::vector<int> { 0, 1, 2, 3, 4, 5 });
        v.remove(1);
        CHECK(values_of(v) == std::vector<int> { 0, 2, 3, 4, 5 });
        v.unstable_remove(0);
        CHECK(values_of(v) == std::vector<int> { 5, 2, 3, 4 });
        Tracked last = v.take_last();
        CHECK(last.value == 4);
        CHECK(values_of(v) == std::vector<int> { 5, 2, 3 });
        CHECK(Tracked::alive == 4);
        v.clear();
        CHECK(v.is_empty());
        CHECK(Tracked::alive == 1);
    }
    CHECK(Tracked::alive == 0);
}

TEST_CASE("resize constructs and destroys", "[vector]")
{
    Tracked::alive = 0;
    Vector<Tracked> v;
    REQUIRE(!v.try_resize(10).is_error());
    CHECK(Tracked::alive == 10);
    CHECK(v[9].value == -1);
    REQUIRE(!v.try_resize(3).is_error());
    CHECK(Tracked::alive == 3);
    CHECK(v.size() == 3);
    v = Vector<Tracked>();
    CHECK(Tracked::alive == 0);
}

TEST_CASE("move and clone", "[vector]")
{
    Tracked::alive = 0;
    {
        Vector<Tracked> a;
        for (int i = 0; i < 5; ++i)
            REQUIRE(!a.try_emplace(i).is_error());
        Vector<Tracked> b = std::move(a);
        CHECK(a.is_empty());
        CHECK(a.capacity() == 0);
        CHECK(b.size() == 5);
        auto clone = b.try_clone();
        REQUIRE(!clone.is_error());
        Vector<Tracked> c = clone.release_value();
        CHECK(values_of(c) == values_of(b));
        CHECK(Tracked::alive == 10);
        c = std::move(b);
        CHECK(Tracked::alive == 5);
    }
    CHECK(Tracked::alive == 0);
}

TEST_CASE("move-only elements", "[vector]")
{
    Vector<OwnPtr<int>> v;
    for (int i = 0; i < 20; ++i)
        REQUIRE(!v.try_append(make_own<int>(i).release_value()).is_error());
    CHECK(*v[19] == 19);
    v.remove(0);
    CHECK(*v[0] == 1);
}

TEST_CASE("impossible reservation fails with NoMemory", "[vector]")
{
    Vector<u64> v;
    auto result = v.try_reserve(usize(-1) / 4);
    REQUIRE(result.is_error());
    CHECK(result.error() == Error::NoMemory);
    CHECK(v.capacity() == 0);
}

TEST_CASE("bulk append and find_if", "[vector]")
{
    Vector<int> v;
    int values[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
    REQUIRE(!v.try_append(values, 8).is_error());
    CHECK(v.size() == 8);
    int* found = v.find_if([](int x) { return x > 4; });
    REQUIRE(found);
    CHECK(*found == 5);
    CHECK(v.find_if([](int x) { return x > 100; }) == nullptr);
}
