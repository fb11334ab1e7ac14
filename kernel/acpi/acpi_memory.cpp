// The direct-map AcpiMemory: ACPI tables live in RAM the firmware reserved, which
// the kernel's direct map covers, so no mapping work is needed here.
#include "kernel/acpi/acpi_memory.h"

#include "kernel/arch/memory.h"

namespace acpi {

static u8 const* map_direct(void*, PhysAddr phys, usize)
{
    return static_cast<u8 const*>(arch::phys_to_virt(phys));
}

AcpiMemory direct_map_memory() { return AcpiMemory { map_direct, nullptr }; }

} // namespace acpi
