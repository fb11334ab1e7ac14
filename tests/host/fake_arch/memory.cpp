// Host fake of the arch memory seam: "physical memory" is an arena the test
// installs with fake_phys_install(); physical address P maps to arena + (P - base).
#include "fake_arch/fake_phys.h"
#include "kernel/arch/memory.h"

namespace {
u8* g_arena = nullptr;
PhysAddr g_base = 0;
usize g_size = 0;
}

void fake_phys_install(void* arena, PhysAddr base, usize size)
{
    g_arena = static_cast<u8*>(arena);
    g_base = base;
    g_size = size;
}

namespace arch {

void* phys_to_virt(PhysAddr phys)
{
    if (!g_arena || phys < g_base || phys > g_base + g_size)
        return nullptr;
    return g_arena + (phys - g_base);
}

PhysAddr virt_to_phys(void const* virt)
{
    auto p = static_cast<u8 const*>(virt);
    return g_base + PhysAddr(p - g_arena);
}

Result<void> map_kernel_page(VirtAddr, PhysAddr, u32) { return Error::NotSupported; }
void unmap_kernel_page(VirtAddr) { }

} // namespace arch
