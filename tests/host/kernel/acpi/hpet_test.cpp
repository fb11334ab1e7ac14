// Tests for HPET table decoding.
#include <catch2/catch.hpp>

#include <memory>

#include "kernel/acpi/hpet.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

static Bytes hpet_body(u8 space, u64 address)
{
    Bytes b;
    append32(b, 0x8086A201);
    b.insert(b.end(), { space, 64, 0, 0 });
    append64(b, address);
    b.push_back(0);
    append16(b, 0x80);
    b.push_back(0);
    return b;
}

static Result<void> parse(Bytes const& t, acpi::PlatformInfo& info)
{
    auto table = acpi::AcpiTable::from_bytes(t.data(), t.size());
    REQUIRE(!table.is_error());
    return acpi::parse_hpet(table.value(), info);
}

TEST_CASE("hpet: memory-space address is taken")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    REQUIRE(!parse(make_table("HPET", hpet_body(0, 0xFED00000)), *info).is_error());
    CHECK(info->has_hpet);
    CHECK(info->hpet_address == 0xFED00000);
    CHECK(info->hpet_min_tick == 0x80);
}

TEST_CASE("hpet: I/O-space, zero address and truncated tables are rejected")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    CHECK(parse(make_table("HPET", hpet_body(1, 0xFED00000)), *info).error() == Error::BadMessage);
    CHECK(parse(make_table("HPET", hpet_body(0, 0)), *info).error() == Error::BadMessage);
    Bytes short_body = hpet_body(0, 0xFED00000);
    short_body.resize(10);
    CHECK(parse(make_table("HPET", short_body), *info).error() == Error::BadMessage);
    CHECK(!info->has_hpet);
}
