// Tests for MADT decoding, including records that are malformed on purpose.
#include <catch2/catch.hpp>

#include <memory>

#include "kernel/acpi/madt.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

namespace {

struct Parsed {
    std::unique_ptr<acpi::PlatformInfo> info = std::make_unique<acpi::PlatformInfo>();
    Result<void> result = Error::None;
};

Parsed parse(Bytes const& table_bytes)
{
    Parsed p;
    auto table = acpi::AcpiTable::from_bytes(table_bytes.data(), table_bytes.size());
    REQUIRE(!table.is_error());
    auto r = acpi::parse_madt(table.value(), *p.info);
    p.result.~Result();
    new (&p.result) Result<void>(r.is_error() ? r.error() : Error::None);
    return p;
}

} // namespace

TEST_CASE("madt: a QEMU-like table")
{
    Bytes body = madt_body(0xFEE00000, 1);
    add_lapic(body, 0, 0, 1);
    add_lapic(body, 1, 1, 1);
    add_lapic(body, 2, 2, 0); // disabled, not online capable: ignored
    add_lapic(body, 3, 3, 2); // online capable
    add_ioapic(body, 0, 0xFEC00000, 0);
    add_override(body, 0, 0, 2, 0);
    add_override(body, 0, 5, 5, 0xD);  // active high, level
    add_override(body, 0, 9, 9, 0xF);  // active low, level
    add_lapic_nmi(body, 0xFF, 0, 1);
    add_nmi_source(body, 0x5, 7);
    auto p = parse(make_table("APIC", body));
    REQUIRE(!p.result.is_error());
    auto& info = *p.info;
    CHECK(info.has_madt);
    CHECK(info.has_legacy_pics);
    CHECK(info.local_apic_address == 0xFEE00000);
    REQUIRE(info.cpu_count == 3);
    CHECK(info.enabled_cpu_count == 2);
    CHECK(info.cpus[1].apic_id == 1);
    CHECK(info.cpus[2].apic_id == 3);
    CHECK(!info.cpus[2].enabled);
    CHECK(info.cpus[2].online_capable);
    REQUIRE(info.ioapic_count == 1);
    CHECK(info.ioapics[0].address == 0xFEC00000);
    CHECK(info.ioapics[0].gsi_base == 0);
    REQUIRE(info.override_count == 3);
    CHECK(info.overrides[1].polarity == acpi::Polarity::ActiveHigh);
    CHECK(info.overrides[1].trigger == acpi::Trigger::Level);
    CHECK(info.overrides[2].polarity == acpi::Polarity::ActiveLow);
    REQUIRE(info.lapic_nmi_count == 1);
    CHECK(info.lapic_nmis[0].processor_uid == 0xFFFFFFFF);
    CHECK(info.lapic_nmis[0].lint == 1);
    REQUIRE(info.nmi_source_count == 1);
    CHECK(info.nmi_sources[0].gsi == 7);
    CHECK(info.nmi_sources[0].trigger == acpi::Trigger::Edge);
    CHECK(info.dropped_entries == 0);
}

TEST_CASE("madt: x2APIC entries, duplicates and the address override")
{
    Bytes body = madt_body(0xFEE00000, 0);
    add_lapic_address(body, 0x1'2345'0000ull);
    add_lapic(body, 0, 0, 1);
    add_x2apic(body, 0, 1, 0); // same CPU again as x2APIC
    add_x2apic(body, 300, 1, 7);
    add_lapic(body, 9, 0xFF, 1); // broadcast id is not a CPU
    auto p = parse(make_table("APIC", body));
    REQUIRE(!p.result.is_error());
    CHECK(!p.info->has_legacy_pics);
    CHECK(p.info->local_apic_address == 0x1'2345'0000ull);
    REQUIRE(p.info->cpu_count == 2);
    CHECK(p.info->cpus[1].apic_id == 300);
    CHECK(p.info->cpus[1].processor_uid == 7);
}

TEST_CASE("madt: a record length of 0 or 1 ends the walk instead of looping")
{
    Bytes body = madt_body(0xFEE00000, 0);
    add_lapic(body, 0, 0, 1);
    u8 bad_length = GENERATE(0, 1);
    body.insert(body.end(), { 0, bad_length, 0, 0, 0, 0, 0, 0 });
    add_lapic(body, 1, 1, 1);
    auto p = parse(make_table("APIC", body));
    REQUIRE(!p.result.is_error());
    CHECK(p.info->cpu_count == 1);
    CHECK(p.info->dropped_entries == 1);
}

TEST_CASE("madt: a record running past the table end is not read")
{
    Bytes body = madt_body(0xFEE00000, 0);
    add_lapic(body, 0, 0, 1);
    add_ioapic(body, 0, 0xFEC00000, 0);
    body.resize(body.size() - 4); // cut the IOAPIC's GSI base off
    auto p = parse(make_table("APIC", body));
    REQUIRE(!p.result.is_error());
    CHECK(p.info->cpu_count == 1);
    CHECK(p.info->ioapic_count == 0);
    CHECK(p.info->dropped_entries == 1);
}

TEST_CASE("madt: records shorter than their type needs are skipped, the walk goes on")
{
    Bytes body = madt_body(0xFEE00000, 0);
    body.insert(body.end(), { 1, 4, 0, 0 }); // IOAPIC record of 4 bytes
    add_ioapic(body, 2, 0xFEC01000, 24);
    body.insert(body.end(), { 0x7F, 3, 0 }); // unknown type: skipped silently
    add_lapic(body, 0, 5, 1);
    auto p = parse(make_table("APIC", body));
    REQUIRE(!p.result.is_error());
    REQUIRE(p.info->ioapic_count == 1);
    CHECK(p.info->ioapics[0].id == 2);
    CHECK(p.info->ioapics[0].gsi_base == 24);
    CHECK(p.info->cpu_count == 1);
    CHECK(p.info->dropped_entries == 1);
}

TEST_CASE("madt: more CPUs than fit are counted as dropped")
{
    Bytes body = madt_body(0xFEE00000, 0);
    for (u32 i = 0; i < acpi::PlatformInfo::MAX_CPUS + 3; ++i)
        add_x2apic(body, i, 1, i);
    auto p = parse(make_table("APIC", body));
    REQUIRE(!p.result.is_error());
    CHECK(p.info->cpu_count == acpi::PlatformInfo::MAX_CPUS);
    CHECK(p.info->dropped_entries == 3);
}

TEST_CASE("madt: wrong signature or missing fixed fields")
{
    CHECK(parse(make_table("APIX", madt_body(0, 0))).result.error() == Error::BadMessage);
    CHECK(parse(make_table("APIC", Bytes(4, 0))).result.error() == Error::BadMessage);
    auto p = parse(make_table("APIC", Bytes(4, 0)));
    CHECK(!p.info->has_madt);
}
