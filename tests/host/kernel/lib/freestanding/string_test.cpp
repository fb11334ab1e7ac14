// Tests of the kernel's own C string functions. They are kernel-only (the host
// links libc's), so this compiles them here under other names and compares them
// with libc on random inputs, including overlaps and unaligned edges.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <vector>

#define memcpy unum_memcpy
#define memmove unum_memmove
#define memset unum_memset
#define memcmp unum_memcmp
#define strlen unum_strlen
#define strcmp unum_strcmp
#define strncmp unum_strncmp
#include "kernel/lib/freestanding/string.cpp"
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef strlen
#undef strcmp
#undef strncmp

namespace {
int sign(int x) { return (x > 0) - (x < 0); }
}

TEST_CASE("memcpy and memset agree with libc at every alignment", "[freestanding]")
{
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        std::vector<u8> source(80), ours(80, 0xaa), theirs(80, 0xaa);
        for (u8& b : source)
            b = u8(rng());
        usize src = rng() % 16, dst = rng() % 16, len = rng() % 60;
        CHECK(unum_memcpy(ours.data() + dst, source.data() + src, len) == ours.data() + dst);
        std::memcpy(theirs.data() + dst, source.data() + src, len);
        REQUIRE(ours == theirs);
        int value = int(rng());
        CHECK(unum_memset(ours.data() + dst, value, len) == ours.data() + dst);
        std::memset(theirs.data() + dst, value, len);
        REQUIRE(ours == theirs);
    }
}

TEST_CASE("memmove handles overlap in both directions", "[freestanding]")
{
    std::mt19937 rng(8);
    for (int round = 0; round < 2000; ++round) {
        std::vector<u8> ours(96);
        for (u8& b : ours)
            b = u8(rng());
        std::vector<u8> theirs = ours;
        usize src = rng() % 40, dst = rng() % 40, len = rng() % 56;
        unum_memmove(ours.data() + dst, ours.data() + src, len);
        std::memmove(theirs.data() + dst, theirs.data() + src, len);
        REQUIRE(ours == theirs);
    }
}

TEST_CASE("comparisons and strlen", "[freestanding]")
{
    char const* words[] = { "", "a", "ab", "abc", "abd", "b", "\xff", "ab\0x" };
    for (char const* a : words) {
        CHECK(unum_strlen(a) == std::strlen(a));
        for (char const* b : words) {
            CHECK(sign(unum_strcmp(a, b)) == sign(std::strcmp(a, b)));
            for (usize n = 0; n < 5; ++n)
                CHECK(sign(unum_strncmp(a, b, n)) == sign(std::strncmp(a, b, n)));
            usize n = std::min(std::strlen(a), std::strlen(b)) + 1;
            CHECK(sign(unum_memcmp(a, b, n)) == sign(std::memcmp(a, b, n)));
        }
    }
}
