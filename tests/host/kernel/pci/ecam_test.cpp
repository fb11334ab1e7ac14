// ECAM window arithmetic and checks (kernel/pci/ecam.h): which MCFG region serves
// segment 0, where a function's configuration dword lies, and what is refused.
#include <catch2/catch.hpp>

#include <string>

#include "kernel/pci/ecam.h"

namespace {

acpi::EcamRegion region(PhysAddr base, u8 start, u8 end, u16 segment = 0)
{
    return acpi::EcamRegion { base, segment, start, end };
}

std::string defect_of(acpi::EcamRegion const& r)
{
    char const* defect = pci::ecam_region_defect(r);
    return defect ? defect : "";
}

} // namespace

TEST_CASE("ECAM window of a q35-like MCFG region covers every bus", "[pci][ecam]")
{
    auto window = pci::EcamWindow::create(region(0xB0000000, 0, 255));
    REQUIRE_FALSE(window.is_error());
    pci::EcamWindow const& w = window.value();
    CHECK(w.mcfg_base() == 0xB0000000);
    CHECK(w.mapped_base() == 0xB0000000);
    CHECK(w.mapped_size() == 256 * MiB);
    CHECK(w.bus_start() == 0);
    CHECK(w.bus_end() == 255);
    CHECK(w.covers(0));
    CHECK(w.covers(255));
    CHECK(w.offset_of(0, 0, 0, 0).value() == 0);
    // bus << 20 | device << 15 | function << 12 | offset
    CHECK(w.offset_of(1, 2, 3, 0x40).value() == (1u << 20 | 2u << 15 | 3u << 12 | 0x40));
    CHECK(w.offset_of(255, 31, 7, 4092).value() == 256 * MiB - 4);
    // The extended space (256..4095) is addressable.
    CHECK(w.offset_of(0, 3, 0, 0x100).value() == (3u << 15 | 0x100));
}

TEST_CASE("ECAM region starting above bus 0 maps only its buses", "[pci][ecam]")
{
    // MCFG's base is where bus 0 would be: bus 16 lies 16 MiB past it.
    auto window = pci::EcamWindow::create(region(0xE0000000, 16, 31));
    REQUIRE_FALSE(window.is_error());
    pci::EcamWindow const& w = window.value();
    CHECK(w.mapped_base() == 0xE0000000 + 16 * MiB);
    CHECK(w.mapped_size() == 16 * MiB);
    CHECK(w.offset_of(16, 0, 0, 0).value() == 0);
    CHECK(w.offset_of(17, 1, 0, 8).value() == (1u << 20 | 1u << 15 | 8));
    CHECK(w.offset_of(31, 31, 7, 4092).value() == 16 * MiB - 4);
    CHECK(w.offset_of(15, 0, 0, 0).error() == Error::OutOfRange);
    CHECK(w.offset_of(32, 0, 0, 0).error() == Error::OutOfRange);
    CHECK_FALSE(w.covers(0));
}

TEST_CASE("ECAM offsets refuse bad device, function and register", "[pci][ecam]")
{
    auto window = pci::EcamWindow::create(region(0xB0000000, 0, 0));
    REQUIRE_FALSE(window.is_error());
    pci::EcamWindow const& w = window.value();
    CHECK(w.mapped_size() == 1 * MiB);
    CHECK(w.offset_of(1, 0, 0, 0).error() == Error::OutOfRange);
    CHECK(w.offset_of(0, 32, 0, 0).error() == Error::InvalidArgument);
    CHECK(w.offset_of(0, 0, 8, 0).error() == Error::InvalidArgument);
    CHECK(w.offset_of(0, 0, 0, 4096).error() == Error::InvalidArgument);
    CHECK(w.offset_of(0, 0, 0, 0xFFFF).error() == Error::InvalidArgument);
    CHECK(w.offset_of(0, 0, 0, 2).error() == Error::InvalidArgument);
    CHECK(w.offset_of(0, 0, 0, 0x103).error() == Error::InvalidArgument);
}

TEST_CASE("ECAM regions with defects are refused with a reason", "[pci][ecam]")
{
    CHECK(defect_of(region(0xB0000000, 0, 255)).empty());
    CHECK(defect_of(region(0xB0000000, 0, 255, 1)) == "not segment 0");
    CHECK(defect_of(region(0xB0000000, 10, 5)) == "end bus below start bus");
    CHECK(defect_of(region(0, 0, 255)) == "zero base");
    CHECK(defect_of(region(0xB0001000, 0, 255)) == "base not 1 MiB aligned");
    CHECK(defect_of(region(0xB0080000, 0, 0)) == "base not 1 MiB aligned");
    CHECK(defect_of(region(0xFFFFFFFFFFF00000ull, 0, 0)) == "beyond the 52-bit physical address space");
    // The last bus would end past 2^52.
    CHECK(defect_of(region(pci::ECAM_PHYSICAL_LIMIT - 16 * MiB, 0, 15)).empty());
    CHECK(defect_of(region(pci::ECAM_PHYSICAL_LIMIT - 16 * MiB, 0, 16)) == "beyond the 52-bit physical address space");
    CHECK(pci::EcamWindow::create(region(0xB0001000, 0, 255)).error() == Error::InvalidArgument);
    CHECK(pci::EcamWindow::create(region(0xB0000000, 0, 255, 2)).error() == Error::InvalidArgument);
}

TEST_CASE("ECAM window for a bus is segment 0's first usable region covering it", "[pci][ecam]")
{
    acpi::EcamRegion regions[] = {
        region(0xC0000000, 0, 255, 1), // another segment
        region(0xD0001000, 0, 63),     // unaligned: skipped
        region(0xE0000000, 0, 63),
        region(0xF0000000, 64, 127),
    };
    auto bus0 = pci::find_ecam_window(regions, 4, 0);
    REQUIRE_FALSE(bus0.is_error());
    CHECK(bus0.value().mcfg_base() == 0xE0000000);
    auto bus100 = pci::find_ecam_window(regions, 4, 100);
    REQUIRE_FALSE(bus100.is_error());
    CHECK(bus100.value().mcfg_base() == 0xF0000000);
    CHECK(pci::find_ecam_window(regions, 4, 200).error() == Error::NoDevice);
    CHECK(pci::find_ecam_window(regions, 0, 0).error() == Error::NoDevice);
    CHECK(pci::find_ecam_window(nullptr, 0, 0).error() == Error::NoDevice);
}

TEST_CASE("ECAM empty window covers nothing", "[pci][ecam]")
{
    pci::EcamWindow empty;
    CHECK_FALSE(empty.covers(0));
    CHECK(empty.mapped_size() == 0);
    CHECK(empty.offset_of(0, 0, 0, 0).error() == Error::OutOfRange);
}
