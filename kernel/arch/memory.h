// The arch seam, memory part: the direct map of physical memory and kernel page mapping.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace arch {

// All physical memory is mapped at a fixed offset; these convert within that map.
void* phys_to_virt(PhysAddr phys);
PhysAddr virt_to_phys(void const* virt);

enum PageFlags : u32 {
    PageWritable = 1u << 0,
    PageUser = 1u << 1,
    PageExecutable = 1u << 2,
    PageNoCache = 1u << 3,
    PageGlobal = 1u << 4,
};

// Maps one 4 KiB page in the kernel address space. Caller owns the virtual range.
Result<void> map_kernel_page(VirtAddr virt, PhysAddr phys, u32 flags);
void unmap_kernel_page(VirtAddr virt);

} // namespace arch
