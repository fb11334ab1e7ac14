// AcpiMemory: how the ACPI parser reaches physical memory. The kernel hands it the
// direct map; host tests and the fuzzer hand it a synthetic arena. The parser asks
// for exactly the bytes it is about to read, so a callback may refuse (null) any
// range it cannot map, and the parser reports that as an error.
#pragma once

#include "kernel/lib/types.h"

namespace acpi {

struct AcpiMemory {
    // Returns length readable bytes at phys, or null if that range is unreachable.
    // The bytes must stay readable until parsing is over.
    u8 const* (*map)(void* context, PhysAddr phys, usize length) { nullptr };
    void* context { nullptr };

    u8 const* read(PhysAddr phys, usize length) const
    {
        if (!map || length == 0 || phys + length < phys)
            return nullptr;
        return map(context, phys, length);
    }
};

// Reads through arch::phys_to_virt (the kernel's direct map of physical memory),
// refusing ranges that end above mapped_end, where the direct map stops: a
// corrupt table address then becomes an error instead of a page fault.
AcpiMemory direct_map_memory(PhysAddr mapped_end);

} // namespace acpi
