// EcamWindow: where each function's 4 KiB configuration space lies in a PCI
// Express ECAM region (ACPI MCFG). Portable arithmetic and checks only; the x86
// seam (arch/x86/pci_config.cpp) maps the window and does the accesses.
#pragma once

#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace pci {

inline constexpr u64 ECAM_BUS_SIZE = 1 * MiB; // 32 devices x 8 functions x 4 KiB
inline constexpr u16 ECAM_FUNCTION_SIZE = 4096;
// No x86-64 CPU addresses more physical memory than this (52 bits).
inline constexpr PhysAddr ECAM_PHYSICAL_LIMIT = 1ull << 52;

// Why region cannot serve as segment 0's ECAM ("not segment 0", "end bus below
// start bus", "base not 1 MiB aligned", ...), or null when it can.
char const* ecam_region_defect(acpi::EcamRegion const& region);

// Segment 0's buses [bus_start, bus_end]. MCFG's base address is where bus 0
// would be even when bus_start is not 0 (PCI Firmware spec, as Linux reads it),
// so only [base + bus_start MiB, base + (bus_end + 1) MiB) is mapped, and bus b
// lies (b - bus_start) MiB into that mapping.
class EcamWindow {
public:
    // Covers no bus: every offset_of() is OutOfRange.
    EcamWindow() = default;
    // InvalidArgument when ecam_region_defect(region) names a defect.
    static Result<EcamWindow> create(acpi::EcamRegion const& region);

    PhysAddr mcfg_base() const { return m_mcfg_base; }
    u8 bus_start() const { return m_bus_start; }
    u8 bus_end() const { return u8(m_bus_start + m_bus_count - 1); }
    bool covers(u8 bus) const { return bus >= m_bus_start && bus - m_bus_start < m_bus_count; }

    // What to map: one ECAM_BUS_SIZE per covered bus.
    PhysAddr mapped_base() const { return m_mcfg_base + u64(m_bus_start) * ECAM_BUS_SIZE; }
    u64 mapped_size() const { return u64(m_bus_count) * ECAM_BUS_SIZE; }

    // ((bus - bus_start) << 20) | (device << 15) | (function << 12) | offset: the
    // dword's byte offset from mapped_base(). OutOfRange when the window does not
    // cover bus; InvalidArgument for device > 31, function > 7, offset >= 4096 or
    // not 4-aligned.
    Result<u64> offset_of(u8 bus, u8 device, u8 function, u16 offset) const;

private:
    EcamWindow(PhysAddr mcfg_base, u8 bus_start, u8 bus_end)
        : m_mcfg_base(mcfg_base)
        , m_bus_start(bus_start)
        , m_bus_count(u16(bus_end - bus_start + 1))
    {
    }

    PhysAddr m_mcfg_base = 0;
    u8 m_bus_start = 0;
    u16 m_bus_count = 0; // 0 for the empty window
};

// The first defect-free segment-0 region that covers bus. NoDevice when none does
// (then ecam_region_defect says why each segment-0 candidate was refused).
Result<EcamWindow> find_ecam_window(acpi::EcamRegion const* regions, usize count, u8 bus);

} // namespace pci
