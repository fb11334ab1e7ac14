// Tests of HashMap and Hash: insert/replace/remove, rehash, removal chains.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "kernel/lib/hash_map.h"
#include "kernel/lib/own_ptr.h"

TEST_CASE("set, get, replace, remove", "[hash_map]")
{
    HashMap<u64, int> map;
    CHECK(map.get(1) == nullptr);
    CHECK(!map.remove(1));
    REQUIRE(!map.try_set(1, 10).is_error());
    REQUIRE(!map.try_set(2, 20).is_error());
    REQUIRE(map.get(1));
    CHECK(*map.get(1) == 10);
    REQUIRE(!map.try_set(1, 11).is_error());
    CHECK(*map.get(1) == 11);
    CHECK(map.size() == 2);
    CHECK(map.remove(1));
    CHECK(!map.contains(1));
    CHECK(map.contains(2));
    CHECK(map.size() == 1);
}

TEST_CASE("grows through many inserts and keeps everything", "[hash_map]")
{
    HashMap<int, int> map;
    for (int i = 0; i < 5000; ++i)
        REQUIRE(!map.try_set(i, i * 3).is_error());
    CHECK(map.size() == 5000);
    CHECK(map.capacity() * 3 >= map.size() * 4);
    for (int i = 0; i < 5000; ++i) {
        REQUIRE(map.get(i));
        CHECK(*map.get(i) == i * 3);
    }
    CHECK(map.get(5000) == nullptr);
}

TEST_CASE("random operations agree with std::map", "[hash_map]")
{
    // Small key range forces long probe runs and many backward shifts.
    std::mt19937 rng(12345);
    HashMap<u32, u32> map;
    std::map<u32, u32> model;
    for (int step = 0; step < 20000; ++step) {
        u32 key = rng() % 300;
        switch (rng() % 3) {
        case 0:
        case 1: {
            u32 value = rng();
            REQUIRE(!map.try_set(key, value).is_error());
            model[key] = value;
            break;
        }
        case 2: CHECK(map.remove(key) == (model.erase(key) == 1)); break;
        }
        if (step % 1000 == 0) {
            REQUIRE(map.size() == model.size());
            for (u32 k = 0; k < 300; ++k) {
                auto it = model.find(k);
                u32* v = map.get(k);
                REQUIRE((v != nullptr) == (it != model.end()));
                if (v)
                    CHECK(*v == it->second);
            }
        }
    }
    usize seen = 0;
    for (auto& entry : map) {
        REQUIRE(model.count(entry.key));
        CHECK(model[entry.key] == entry.value);
        ++seen;
    }
    CHECK(seen == model.size());
}

// Every key hashes to the same slot: the worst case for backward shift.
struct CollidingHash {
    u64 operator()(int) const { return 7; }
};

TEST_CASE("removal inside a collision chain keeps later keys reachable", "[hash_map]")
{
    HashMap<int, int, CollidingHash> map;
    for (int i = 0; i < 6; ++i)
        REQUIRE(!map.try_set(i, i).is_error());
    CHECK(map.remove(2));
    CHECK(map.remove(0));
    for (int i : { 1, 3, 4, 5 }) {
        REQUIRE(map.get(i));
        CHECK(*map.get(i) == i);
    }
    CHECK(!map.contains(0));
    CHECK(!map.contains(2));
}

TEST_CASE("StringView keys", "[hash_map]")
{
    HashMap<StringView, int> map;
    REQUIRE(!map.try_set("alpha"_sv, 1).is_error());
    REQUIRE(!map.try_set("beta"_sv, 2).is_error());
    char buffer[] = "alpha";
    REQUIRE(map.get(StringView(buffer)));
    CHECK(*map.get(StringView(buffer)) == 1);
    CHECK(map.get("alph"_sv) == nullptr);
    CHECK(Hash<StringView> {}("abc"_sv) == Hash<StringView> {}(StringView("xabc").substring(1)));
}

TEST_CASE("take, remove_all_matching, clear with owned values", "[hash_map]")
{
    HashMap<int, OwnPtr<int>> map;
    for (int i = 0; i < 50; ++i)
        REQUIRE(!map.try_set(i, make_own<int>(i * 2).release_value()).is_error());
    auto taken = map.take(10);
    REQUIRE(taken.has_value());
    CHECK(**taken == 20);
    CHECK(!map.take(10).has_value());
    usize removed = map.remove_all_matching([](auto& entry) { return entry.key % 2 == 1; });
    CHECK(removed == 25);
    CHECK(map.size() == 24);
    for (auto& entry : map)
        CHECK(entry.key % 2 == 0);
    map.clear();
    CHECK(map.is_empty());
    CHECK(map.get(0) == nullptr);
    REQUIRE(!map.try_set(3, make_own<int>(3).release_value()).is_error());
    CHECK(**map.get(3) == 3);
}

TEST_CASE("move leaves the source empty", "[hash_map]")
{
    HashMap<int, int> a;
    REQUIRE(!a.try_set(1, 1).is_error());
    HashMap<int, int> b = std::move(a);
    CHECK(a.is_empty());
    CHECK(a.get(1) == nullptr);
    CHECK(*b.get(1) == 1);
    HashMap<int, int> const& cb = b;
    CHECK(*cb.get(1) == 1);
    usize count = 0;
    for (auto const& entry : cb)
        count += entry.key == 1;
    CHECK(count == 1);
}
