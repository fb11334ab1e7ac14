// x86-64 kernel page tables: the direct map of physical memory at DIRECT_MAP_BASE,
// the kernel image at KERNEL_BASE with per-section rights, and an MMIO window.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

inline constexpr VirtAddr DIRECT_MAP_BASE = 0xffff800000000000ull;
inline constexpr VirtAddr KERNEL_BASE = 0xffffffff80000000ull;
inline constexpr VirtAddr MMIO_BASE = 0xffffc00000000000ull;

// Builds the final kernel page tables (after the frame allocator is ready) and switches to them.
void paging_init(u64 highest_physical_address);

// Maps [phys, phys+size) uncached into the MMIO window and returns its virtual address.
// Used for LAPIC, IOAPIC, HPET, the framebuffer and PCI BARs. Never unmapped.
Result<void*> map_mmio(PhysAddr phys, usize size);

} // namespace x86
