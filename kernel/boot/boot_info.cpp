// BootInfo's queries over the copied memory map. Runs before the heap exists,
// so the sort is an in-place insertion sort over at most MAX_MEMORY_REGIONS entries.
#include "kernel/boot/boot_info.h"

PhysAddr BootInfo::highest_usable_address() const
{
    PhysAddr highest = 0;
    for (MemoryRegion const& region : available_ranges()) {
        if (region.end() > highest)
            highest = region.end();
    }
    return highest;
}

void BootInfo::sort_memory_regions()
{
    for (usize i = 1; i < m_region_count; ++i) {
        MemoryRegion moving = m_regions[i];
        usize j = i;
        while (j > 0 && m_regions[j - 1].base > moving.base) {
            m_regions[j] = m_regions[j - 1];
            --j;
        }
        m_regions[j] = moving;
    }
}
