// Tests for RSDT/XSDT walking and table lookup with validation.
#include <catch2/catch.hpp>

#include "kernel/acpi/table_directory.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

TEST_CASE("acpi_table: header validation")
{
    Bytes t = make_table("TEST", Bytes(10, 7));
    CHECK(!acpi::AcpiTable::from_bytes(t.data(), t.size()).is_error());
    CHECK(acpi::AcpiTable::from_bytes(t.data(), t.size() - 1).error() == Error::BadMessage);

    Bytes bad_sum = t;
    bad_sum[40] ^= 1;
    CHECK(acpi::AcpiTable::from_bytes(bad_sum.data(), bad_sum.size()).error() == Error::BadMessage);

    Bytes short_len = t;
    put32(short_len, 4, 35);
    CHECK(acpi::AcpiTable::from_bytes(short_len.data(), short_len.size()).error() == Error::BadMessage);

    Bytes huge = t;
    put32(huge, 4, 0xFFFFFFFF);
    CHECK(acpi::AcpiTable::from_bytes(huge.data(), huge.size()).error() == Error::BadMessage);
    CHECK(acpi::AcpiTable::from_bytes(t.data(), 3).error() == Error::BadMessage);
}

TEST_CASE("acpi_table: the reader stops at the declared length")
{
    Bytes t = make_table("TEST", Bytes(4, 0x11));
    t.push_back(0x99); // beyond the declared length
    auto table = acpi::AcpiTable::from_bytes(t.data(), t.size());
    REQUIRE(!table.is_error());
    CHECK(table.value().length() == 40);
    CHECK(table.value().bytes().u8_at(39) == 0x11);
    CHECK(!table.value().bytes().u8_at(40).has_value());
    CHECK(!table.value().bytes().u32_at(37).has_value());
}

TEST_CASE("table_directory: XSDT preferred, lookup by signature and index")
{
    FakeMemory memory;
    PhysAddr a = memory.place(make_table("APIC", Bytes(8, 0)));
    PhysAddr m1 = memory.place(make_table("MCFG", Bytes(8, 0)));
    Bytes broken = make_table("MCFG", Bytes(8, 0));
    broken[40] ^= 0xff;
    PhysAddr m_bad = memory.place(broken);
    PhysAddr m2 = memory.place(make_table("MCFG", Bytes(24, 0)));
    PhysAddr xsdt = memory.place(make_table("XSDT", root_body({ a, m1, 0, m_bad, m2 }, true)));
    PhysAddr rsdt = memory.place(make_table("RSDT", root_body({ a }, false)));

    acpi::Rsdp rsdp;
    rsdp.rsdt_address = rsdt;
    rsdp.xsdt_address = xsdt;
    auto dir = acpi::TableDirectory::create(memory.memory(), rsdp);
    REQUIRE(!dir.is_error());
    CHECK(dir.value().uses_xsdt());
    CHECK(dir.value().table_count() == 4); // the null entry is skipped

    auto apic = dir.value().find("APIC");
    REQUIRE(!apic.is_error());
    CHECK(apic.value().has_signature("APIC"));
    auto first = dir.value().find("MCFG", 0);
    auto second = dir.value().find("MCFG", 1);
    REQUIRE(!first.is_error());
    REQUIRE(!second.is_error());
    CHECK(first.value().length() == 44);
    CHECK(second.value().length() == 60); // the corrupt one in between was skipped
    CHECK(dir.value().find("MCFG", 2).error() == Error::NoEntry);
    CHECK(dir.value().find("HPET").error() == Error::NoEntry);
}

TEST_CASE("table_directory: falls back to the RSDT when the XSDT is bad")
{
    FakeMemory memory;
    PhysAddr a = memory.place(make_table("APIC", Bytes(8, 0)));
    Bytes xsdt_bytes = make_table("XSDT", root_body({ a }, true));
    xsdt_bytes[9] ^= 1;
    PhysAddr xsdt = memory.place(xsdt_bytes);
    PhysAddr rsdt = memory.place(make_table("RSDT", root_body({ a }, false)));
    acpi::Rsdp rsdp;
    rsdp.rsdt_address = rsdt;
    rsdp.xsdt_address = xsdt;
    auto dir = acpi::TableDirectory::create(memory.memory(), rsdp);
    REQUIRE(!dir.is_error());
    CHECK(!dir.value().uses_xsdt());
    CHECK(!dir.value().find("APIC").is_error());
}

TEST_CASE("table_directory: unusable roots are errors")
{
    FakeMemory memory;
    acpi::Rsdp rsdp;
    CHECK(acpi::TableDirectory::create(memory.memory(), rsdp).is_error());

    rsdp.rsdt_address = 0xDEAD0000; // unmapped
    CHECK(acpi::TableDirectory::create(memory.memory(), rsdp).error() == Error::BadAddress);

    rsdp.rsdt_address = memory.place(make_table("FACP", root_body({ 0x1000 }, false)));
    CHECK(acpi::TableDirectory::create(memory.memory(), rsdp).error() == Error::BadMessage);
}

TEST_CASE("table_directory: entries pointing outside memory or past its end are skipped")
{
    FakeMemory memory(0x100000, 4096);
    PhysAddr a = memory.place(make_table("APIC", Bytes(8, 0)));
    // A table whose declared length runs off the end of mapped memory.
    Bytes tail = make_table("APIC", Bytes(8, 0));
    PhysAddr end_table = 0x100000 + 4096 - 40;
    put32(tail, 4, 100);
    memory.write(end_table, Bytes(tail.begin(), tail.begin() + 40));
    PhysAddr rsdt = memory.place(make_table("RSDT", root_body({ 0xFFFFFFF0, end_table, a }, false)));
    acpi::Rsdp rsdp;
    rsdp.rsdt_address = rsdt;
    auto dir = acpi::TableDirectory::create(memory.memory(), rsdp);
    REQUIRE(!dir.is_error());
    auto apic = dir.value().find("APIC");
    REQUIRE(!apic.is_error());
    CHECK(apic.value().bytes().data() == memory.raw(a));
}
