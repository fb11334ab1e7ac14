// End-to-end tests: RSDP copy -> XSDT -> MADT, MCFG, HPET, FADT and DSDT into
// PlatformInfo.
#include <catch2/catch.hpp>

#include <memory>

#include "kernel/acpi/acpi.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

namespace {

struct Machine {
    FakeMemory memory;
    Bytes rsdp;
    std::unique_ptr<acpi::PlatformInfo> info = std::make_unique<acpi::PlatformInfo>();

    explicit Machine(bool corrupt_madt = false)
    {
        Bytes madt = madt_body(0xFEE00000, 1);
        add_lapic(madt, 0, 0, 1);
        add_lapic(madt, 1, 1, 1);
        add_ioapic(madt, 0, 0xFEC00000, 0);
        add_override(madt, 0, 0, 2, 0);
        Bytes madt_table = make_table("APIC", madt);
        if (corrupt_madt)
            madt_table[44] ^= 0x55;
        PhysAddr madt_at = memory.place(madt_table);
        Bytes mcfg(8, 0);
        append64(mcfg, 0xB0000000);
        mcfg.insert(mcfg.end(), { 0, 0, 0, 255, 0, 0, 0, 0 });
        PhysAddr mcfg_at = memory.place(make_table("MCFG", mcfg));
        Bytes hpet;
        append32(hpet, 0);
        hpet.insert(hpet.end(), { 0, 64, 0, 0 });
        append64(hpet, 0xFED00000);
        hpet.insert(hpet.end(), { 0, 0, 0, 0 });
        PhysAddr hpet_at = memory.place(make_table("HPET", hpet));
        PhysAddr facp_at = memory.place(make_table("FACP", Bytes(100, 0)));
        PhysAddr xsdt = memory.place(make_table("XSDT", root_body({ facp_at, madt_at, mcfg_at, hpet_at }, true)));
        PhysAddr rsdt = memory.place(make_table("RSDT", root_body({ facp_at, madt_at }, false)));
        rsdp = make_rsdp(2, u32(rsdt), xsdt);
    }
};

} // namespace

TEST_CASE("acpi: full parse from an RSDP copy")
{
    Machine m;
    auto result = acpi::parse_platform(m.memory.memory(), m.rsdp.data(), m.rsdp.size(), *m.info);
    REQUIRE(!result.is_error());
    auto& info = *m.info;
    CHECK(info.acpi_revision == 2);
    CHECK(std::string(info.oem_id) == "UNUMOE");
    CHECK(info.has_madt);
    CHECK(info.enabled_cpu_count == 2);
    CHECK(info.ioapic_count == 1);
    CHECK(info.route_isa_irq(0).gsi == 2);
    REQUIRE(info.ecam_count == 1);
    CHECK(info.ecam[0].base == 0xB0000000);
    CHECK(info.has_hpet);
    CHECK(info.hpet_address == 0xFED00000);
}

TEST_CASE("acpi: a corrupt MADT leaves has_madt false but the rest parses")
{
    Machine m(true);
    auto result = acpi::parse_platform(m.memory.memory(), m.rsdp.data(), m.rsdp.size(), *m.info);
    REQUIRE(!result.is_error());
    CHECK(!m.info->has_madt);
    CHECK(m.info->cpu_count == 0);
    CHECK(m.info->has_hpet);
}

TEST_CASE("acpi: a reused PlatformInfo starts from scratch")
{
    Machine m;
    auto mem = m.memory.memory();
    REQUIRE(!acpi::parse_platform(mem, m.rsdp.data(), m.rsdp.size(), *m.info).is_error());
    REQUIRE(!acpi::parse_platform(mem, m.rsdp.data(), m.rsdp.size(), *m.info).is_error());
    CHECK(m.info->cpu_count == 2);
    CHECK(m.info->ecam_count == 1);
}

TEST_CASE("acpi: bad RSDP is an error")
{
    Machine m;
    m.rsdp[0] = 'X';
    CHECK(acpi::parse_platform(m.memory.memory(), m.rsdp.data(), m.rsdp.size(), *m.info).error()
        == Error::BadMessage);
}

TEST_CASE("acpi: without an RSDP copy, the BIOS area is scanned")
{
    FakeMemory memory(0, 0x100000);
    memory.skip_to(0x1000);
    Bytes madt = madt_body(0xFEE00000, 0);
    add_lapic(madt, 0, 0, 1);
    PhysAddr madt_at = memory.place(make_table("APIC", madt));
    PhysAddr rsdt = memory.place(make_table("RSDT", root_body({ madt_at }, false)));
    memory.write(0xE0010, make_rsdp(0, u32(rsdt), 0));
    auto info = std::make_unique<acpi::PlatformInfo>();
    REQUIRE(!acpi::parse_platform(memory.memory(), nullptr, 0, *info).is_error());
    CHECK(info->cpu_count == 1);
    CHECK(info->acpi_revision == 0);
}

namespace {

// A machine whose FADT (listed by the RSDT) names a DSDT holding \_S5_.
struct PowerMachine {
    FakeMemory memory;
    Bytes rsdp;
    std::unique_ptr<acpi::PlatformInfo> info = std::make_unique<acpi::PlatformInfo>();

    explicit PowerMachine(bool corrupt_dsdt = false)
    {
        Bytes aml { 0x10, 0x05, '_', 'S', 'B', '_' };
        Bytes s5 = aml_s5({ 0x0A, 0x05, 0x0A, 0x07, 0x00, 0x00 }, 4, true);
        aml.insert(aml.end(), s5.begin(), s5.end());
        Bytes dsdt = make_table("DSDT", aml);
        if (corrupt_dsdt)
            dsdt[40] ^= 0x55;
        PhysAddr dsdt_at = memory.place(dsdt);
        FadtBuilder fadt;
        fadt.set32(40, u32(dsdt_at));
        fadt.set32(64, 0x604);
        fadt.set32(112, 1u << 10);
        fadt.set_gas(116, 1, 0xCF9);
        fadt.set8(128, 0x06);
        PhysAddr fadt_at = memory.place(fadt.table());
        PhysAddr rsdt = memory.place(make_table("RSDT", root_body({ fadt_at }, false)));
        rsdp = make_rsdp(0, u32(rsdt), 0);
    }
};

} // namespace

TEST_CASE("acpi: power control from the FADT and the DSDT's \\_S5_")
{
    PowerMachine m;
    REQUIRE(!acpi::parse_platform(m.memory.memory(), m.rsdp.data(), m.rsdp.size(), *m.info).is_error());
    acpi::PowerControl const& power = m.info->power;
    CHECK(power.has_fadt);
    CHECK(power.pm1a_control_port == 0x604);
    CHECK(power.has_s5);
    CHECK(power.s5_sleep_type_a == 5);
    CHECK(power.s5_sleep_type_b == 7);
    CHECK(power.can_power_off());
    CHECK(power.has_reset_register);
    CHECK(power.reset_register.address == 0xCF9);
    CHECK(!m.info->has_madt);
}

TEST_CASE("acpi: a corrupt DSDT keeps the FADT's registers but no S5")
{
    PowerMachine m(true);
    REQUIRE(!acpi::parse_platform(m.memory.memory(), m.rsdp.data(), m.rsdp.size(), *m.info).is_error());
    CHECK(m.info->power.has_fadt);
    CHECK(m.info->power.pm1a_control_port == 0x604);
    CHECK(!m.info->power.has_s5);
    CHECK(!m.info->power.can_power_off());
}

TEST_CASE("acpi: a reused PlatformInfo forgets power control")
{
    PowerMachine m;
    REQUIRE(!acpi::parse_platform(m.memory.memory(), m.rsdp.data(), m.rsdp.size(), *m.info).is_error());
    Machine plain;
    REQUIRE(!acpi::parse_platform(plain.memory.memory(), plain.rsdp.data(), plain.rsdp.size(), *m.info).is_error());
    CHECK(!m.info->power.has_s5);
    CHECK(!m.info->power.has_reset_register);
    CHECK(m.info->power.pm1a_control_port == 0);
}
