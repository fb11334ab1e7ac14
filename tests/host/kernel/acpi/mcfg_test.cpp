// Tests for MCFG (ECAM regions) decoding.
#include <catch2/catch.hpp>

#include <memory>

#include "kernel/acpi/mcfg.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

static void add_region(Bytes& b, u64 base, u16 segment, u8 start, u8 end)
{
    append64(b, base);
    append16(b, segment);
    b.push_back(start);
    b.push_back(end);
    append32(b, 0);
}

TEST_CASE("mcfg: regions are decoded, bad ones dropped")
{
    Bytes body(8, 0);
    add_region(body, 0xB0000000, 0, 0, 255);
    add_region(body, 0xC0000000, 1, 10, 5); // inverted range
    add_region(body, 0, 2, 0, 1);           // no base
    add_region(body, 0x1'0000'0000ull, 3, 0, 0);
    body.insert(body.end(), { 1, 2, 3 }); // trailing partial entry
    Bytes t = make_table("MCFG", body);
    auto table = acpi::AcpiTable::from_bytes(t.data(), t.size());
    REQUIRE(!table.is_error());
    auto info = std::make_unique<acpi::PlatformInfo>();
    REQUIRE(!acpi::parse_mcfg(table.value(), *info).is_error());
    REQUIRE(info->ecam_count == 2);
    CHECK(info->ecam[0].base == 0xB0000000);
    CHECK(info->ecam[0].bus_end == 255);
    CHECK(info->ecam[1].segment == 3);
    CHECK(info->ecam[1].base == 0x1'0000'0000ull);
    CHECK(info->dropped_entries == 3);
}

TEST_CASE("mcfg: too short or wrong signature")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    Bytes t = make_table("MCFG", Bytes(4, 0));
    auto table = acpi::AcpiTable::from_bytes(t.data(), t.size());
    REQUIRE(!table.is_error());
    CHECK(acpi::parse_mcfg(table.value(), *info).error() == Error::BadMessage);
    Bytes other = make_table("MCFX", Bytes(8, 0));
    auto other_table = acpi::AcpiTable::from_bytes(other.data(), other.size());
    REQUIRE(!other_table.is_error());
    CHECK(acpi::parse_mcfg(other_table.value(), *info).error() == Error::BadMessage);
}
