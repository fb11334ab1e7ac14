// The direct-map AcpiMemory: ACPI tables live in RAM the firmware reserved, which
// the kernel's direct map covers, so no mapping work is needed here.
#include "kernel/acpi/acpi_memory.h"

#include "kernel/arch/memory.h"

namespace acpi {

static u8 const* map_direct(void* context, PhysAddr phys, usize length)
{
    // The context pointer carries the limit itself, so there is nothing to outlive.
    PhysAddr end = PhysAddr(reinterpret_cast<uptr>(context));
    if (phys >= end || length > end - phys)
        return nullptr;
    return static_cast<u8 const*>(arch::phys_to_virt(phys));
}

AcpiMemory direct_map_memory(PhysAddr mapped_end)
{
    return AcpiMemory { map_direct, reinterpret_cast<void*>(uptr(mapped_end)) };
}

} // namespace acpi
