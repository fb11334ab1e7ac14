// Tests for RSDP validation and the BIOS-area scan.
#include <catch2/catch.hpp>

#include "kernel/acpi/rsdp.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

TEST_CASE("rsdp: version 1 gives the RSDT only")
{
    Bytes r = make_rsdp(0, 0x1234, 0);
    auto rsdp = acpi::parse_rsdp(r.data(), r.size());
    REQUIRE(!rsdp.is_error());
    CHECK(rsdp.value().revision == 0);
    CHECK(rsdp.value().rsdt_address == 0x1234);
    CHECK(rsdp.value().xsdt_address == 0);
    CHECK(std::string(rsdp.value().oem_id) == "UNUMOE");
}

TEST_CASE("rsdp: version 2 gives the XSDT")
{
    Bytes r = make_rsdp(2, 0x1234, 0x1'0000'5678ull);
    auto rsdp = acpi::parse_rsdp(r.data(), r.size());
    REQUIRE(!rsdp.is_error());
    CHECK(rsdp.value().xsdt_address == 0x1'0000'5678ull);
}

TEST_CASE("rsdp: bad signature or checksum is rejected")
{
    Bytes r = make_rsdp(0, 0x1234, 0);
    Bytes bad_sig = r;
    bad_sig[0] = 'X';
    CHECK(acpi::parse_rsdp(bad_sig.data(), bad_sig.size()).error() == Error::BadMessage);
    Bytes bad_sum = r;
    bad_sum[16] ^= 1;
    CHECK(acpi::parse_rsdp(bad_sum.data(), bad_sum.size()).error() == Error::BadMessage);
    CHECK(acpi::parse_rsdp(r.data(), 19).error() == Error::InvalidArgument);
    CHECK(acpi::parse_rsdp(nullptr, 36).error() == Error::InvalidArgument);
}

TEST_CASE("rsdp: a broken version 2 part falls back to the RSDT")
{
    Bytes r = make_rsdp(2, 0x1234, 0x5678);
    SECTION("extended checksum wrong")
    {
        r[24] ^= 0xff;
        fix_checksum(r, 8, 20);
    }
    SECTION("declared length beyond the copy")
    {
        put32(r, 20, 1000);
        fix_checksum(r, 32, 36);
    }
    SECTION("copy too short for version 2") { r.resize(20); }
    auto rsdp = acpi::parse_rsdp(r.data(), r.size());
    REQUIRE(!rsdp.is_error());
    CHECK(rsdp.value().rsdt_address == 0x1234);
    CHECK(rsdp.value().xsdt_address == 0);
}

TEST_CASE("rsdp: no root table at all is rejected")
{
    Bytes r = make_rsdp(0, 0, 0);
    CHECK(acpi::parse_rsdp(r.data(), r.size()).error() == Error::BadMessage);
}

TEST_CASE("rsdp: found in the BIOS area on a 16-byte boundary")
{
    FakeMemory memory(0, 0x100000);
    auto mem = memory.memory();
    CHECK(acpi::find_rsdp_in_bios(mem).error() == Error::NoEntry);

    // A misaligned copy is not found; an aligned one is.
    memory.write(0xF0008, make_rsdp(0, 0x1234, 0));
    CHECK(acpi::find_rsdp_in_bios(mem).is_error());
    memory.write(0xF5A30, make_rsdp(2, 0x1234, 0x5678));
    auto found = acpi::find_rsdp_in_bios(mem);
    REQUIRE(!found.is_error());
    CHECK(found.value() == 0xF5A30);
}

TEST_CASE("rsdp: the EBDA is searched first")
{
    FakeMemory memory(0, 0x100000);
    memory.write(0x40E, { 0x00, 0x9F }); // segment 0x9F00 -> 0x9F000
    memory.write(0x9F040, make_rsdp(0, 0xAAAA, 0));
    memory.write(0xE0000, make_rsdp(0, 0xBBBB, 0));
    auto found = acpi::find_rsdp_in_bios(memory.memory());
    REQUIRE(!found.is_error());
    CHECK(found.value() == 0x9F040);
}
