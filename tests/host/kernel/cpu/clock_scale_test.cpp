// Tests for counter-to-nanosecond scaling and the monotonic floor.
#include <catch2/catch.hpp>

#include "kernel/cpu/clock_scale.h"

TEST_CASE("clock_scale: whole seconds convert exactly enough")
{
    u64 hz = GENERATE(1'193'182ull, 62'500'000ull, 1'000'000'000ull, 2'904'123'456ull, 5'000'000'000ull);
    auto scale = ClockScale::from_frequency(hz);
    REQUIRE(!scale.is_error());
    u64 one_second = scale.value().to_ns(hz);
    // The multiplier is rounded down: at most 1 ns lost per 2^32/1e9 s of counting.
    CHECK(one_second <= 1'000'000'000ull);
    CHECK(one_second >= 1'000'000'000ull - 2);
    u64 hour = scale.value().to_ns(hz * 3600);
    CHECK(hour <= 3600'000'000'000ull);
    CHECK(hour >= 3600'000'000'000ull - 3600 * 2);
}

TEST_CASE("clock_scale: no overflow for huge counter values")
{
    auto scale = ClockScale::from_frequency(3'000'000'000ull);
    REQUIRE(!scale.is_error());
    // 2^62 cycles at 3 GHz is about 48.7 years: would overflow a 64-bit product.
    u64 ns = scale.value().to_ns(u64(1) << 62);
    CHECK(ns > 1'537'000'000'000'000'000ull);
    CHECK(ns < 1'538'000'000'000'000'000ull);
    // A slow counter makes the result exceed 64 bits: it saturates.
    auto slow = ClockScale::from_frequency(1);
    REQUIRE(!slow.is_error());
    CHECK(slow.value().to_ns(~u64(0)) == ~u64(0));
}

TEST_CASE("clock_scale: conversion is monotonic in the counter")
{
    auto scale = ClockScale::from_frequency(2'400'000'017ull);
    REQUIRE(!scale.is_error());
    u64 previous = 0;
    for (u64 t = 0; t < 100000; t += 7) {
        u64 ns = scale.value().to_ns(t);
        CHECK(ns >= previous);
        previous = ns;
    }
}

TEST_CASE("clock_scale: zero frequency is refused")
{
    CHECK(ClockScale::from_frequency(0).error() == Error::InvalidArgument);
}

TEST_CASE("monotonic_floor: never returns less than before")
{
    MonotonicFloor floor;
    CHECK(floor.advance(10) == 10);
    CHECK(floor.advance(5) == 10);
    CHECK(floor.advance(11) == 11);
    CHECK(floor.advance(0) == 11);
}
