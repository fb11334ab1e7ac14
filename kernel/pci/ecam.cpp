// EcamWindow: ECAM region checks and address arithmetic (PCI Express base spec,
// "Enhanced Configuration Access Mechanism"; MCFG layout from the PCI Firmware spec).
#include "kernel/pci/ecam.h"

namespace pci {

char const* ecam_region_defect(acpi::EcamRegion const& region)
{
    if (region.segment != 0)
        return "not segment 0";
    if (region.bus_end < region.bus_start)
        return "end bus below start bus";
    if (region.base == 0)
        return "zero base";
    if (region.base % ECAM_BUS_SIZE != 0)
        return "base not 1 MiB aligned";
    // Bus 255 ends 256 MiB past the base; checked without overflowing.
    u64 end_offset = (u64(region.bus_end) + 1) * ECAM_BUS_SIZE;
    if (region.base >= ECAM_PHYSICAL_LIMIT || ECAM_PHYSICAL_LIMIT - region.base < end_offset)
        return "beyond the 52-bit physical address space";
    return nullptr;
}

Result<EcamWindow> EcamWindow::create(acpi::EcamRegion const& region)
{
    if (ecam_region_defect(region))
        return Error::InvalidArgument;
    return EcamWindow(region.base, region.bus_start, region.bus_end);
}

Result<u64> EcamWindow::offset_of(u8 bus, u8 device, u8 function, u16 offset) const
{
    if (!covers(bus))
        return Error::OutOfRange;
    if (device > 31 || function > 7 || offset >= ECAM_FUNCTION_SIZE || (offset & 3) != 0)
        return Error::InvalidArgument;
    return (u64(bus - m_bus_start) << 20) | (u64(device) << 15) | (u64(function) << 12) | offset;
}

Result<EcamWindow> find_ecam_window(acpi::EcamRegion const* regions, usize count, u8 bus)
{
    for (usize i = 0; i < count; ++i) {
        auto window = EcamWindow::create(regions[i]);
        if (!window.is_error() && window.value().covers(bus))
            return window;
    }
    return Error::NoDevice;
}

} // namespace pci
