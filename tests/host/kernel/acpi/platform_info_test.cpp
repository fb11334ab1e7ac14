// Tests for PlatformInfo queries: ISA IRQ overrides and IOAPIC selection.
#include <catch2/catch.hpp>

#include <memory>

#include "kernel/acpi/platform_info.h"

TEST_CASE("platform_info: ISA IRQs without overrides are identity, edge, active high")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    auto route = info->route_isa_irq(4);
    CHECK(route.gsi == 4);
    CHECK(!route.active_low);
    CHECK(!route.level_triggered);
}

TEST_CASE("platform_info: overrides change GSI, polarity and trigger")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    info->overrides[0] = { 0, 0, 2, acpi::Polarity::BusDefault, acpi::Trigger::BusDefault };
    info->overrides[1] = { 0, 9, 9, acpi::Polarity::ActiveLow, acpi::Trigger::Level };
    info->overrides[2] = { 1, 4, 20, acpi::Polarity::ActiveLow, acpi::Trigger::Level }; // not ISA
    info->override_count = 3;
    CHECK(info->route_isa_irq(0).gsi == 2);
    CHECK(!info->route_isa_irq(0).level_triggered);
    auto sci = info->route_isa_irq(9);
    CHECK(sci.gsi == 9);
    CHECK(sci.active_low);
    CHECK(sci.level_triggered);
    CHECK(info->route_isa_irq(4).gsi == 4);
    CHECK(!info->route_isa_irq(4).active_low);
}

TEST_CASE("platform_info: the IOAPIC serving a GSI is the closest base below it")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    CHECK(info->ioapic_for_gsi(0) == nullptr);
    info->ioapics[0] = { 1, 0xFEC01000, 24 };
    info->ioapics[1] = { 0, 0xFEC00000, 0 };
    info->ioapic_count = 2;
    CHECK(info->ioapic_for_gsi(5)->id == 0);
    CHECK(info->ioapic_for_gsi(24)->id == 1);
    CHECK(info->ioapic_for_gsi(40)->id == 1);
}

TEST_CASE("platform_info: reset forgets entries")
{
    auto info = std::make_unique<acpi::PlatformInfo>();
    info->cpus[0] = { 3, 0, true, false };
    info->cpu_count = 1;
    info->has_madt = true;
    CHECK(info->cpu_by_apic_id(3) != nullptr);
    info->reset();
    CHECK(info->cpu_count == 0);
    CHECK(!info->has_madt);
    CHECK(info->cpu_by_apic_id(3) == nullptr);
}
