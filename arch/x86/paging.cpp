// The kernel's final page tables (see paging.h). The direct map is built from
// static tables in .bss (up to 64 GiB of RAM with 2 MiB pages) so no allocation is
// needed while it does not exist yet; later tables (MMIO, map_kernel_page) come
// from the frame allocator and are reached through the direct map.
#include "arch/x86/paging.h"

#include "arch/x86/io.h"
#include "kernel/arch/memory.h"
#include "kernel/log/klog.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/sync/spinlock.h"

extern "C" u8 __kernel_start[], __text_end[], __rodata_start[], __rodata_end[];
extern "C" u8 __data_start[], __bss_end[], __ksyms_start[], __kernel_end[];

namespace x86 {
namespace {

constexpr u64 PRESENT = 1ull << 0;
constexpr u64 WRITABLE = 1ull << 1;
constexpr u64 USER = 1ull << 2;
constexpr u64 WRITE_THROUGH = 1ull << 3;
constexpr u64 CACHE_DISABLE = 1ull << 4;
constexpr u64 HUGE = 1ull << 7;
constexpr u64 GLOBAL = 1ull << 8;
constexpr u64 NO_EXECUTE = 1ull << 63;
constexpr u64 ADDRESS_MASK = 0x000ffffffffff000ull;
constexpr VirtAddr KERNEL_VMA = 0xffffffff80000000ull;
constexpr usize DIRECT_MAP_MAX_GIB = 64;
constexpr usize KERNEL_PT_COUNT = 16; // 32 MiB of kernel image

using Table = u64[512];
alignas(4096) Table g_pml4;
alignas(4096) Table g_direct_pdpt;
alignas(4096) Table g_direct_pds[DIRECT_MAP_MAX_GIB];
alignas(4096) Table g_kernel_pdpt;
alignas(4096) Table g_kernel_pd;
alignas(4096) Table g_kernel_pts[KERNEL_PT_COUNT];

Spinlock g_paging_lock;
u64 g_nx = 0;
bool g_ready = false;
VirtAddr g_mmio_next = MMIO_BASE;

PhysAddr image_phys(void const* p) { return reinterpret_cast<u64>(p) - KERNEL_VMA; }

u64 leaf_flags(u32 flags)
{
    u64 bits = PRESENT;
    if (flags & arch::PageWritable)
        bits |= WRITABLE;
    if (flags & arch::PageUser)
        bits |= USER;
    if (!(flags & arch::PageExecutable))
        bits |= g_nx;
    if (flags & arch::PageNoCache)
        bits |= CACHE_DISABLE | WRITE_THROUGH;
    if (flags & arch::PageGlobal)
        bits |= GLOBAL;
    return bits;
}

// Returns the next-level table of entry, creating it when asked. Caller holds g_paging_lock.
Result<u64*> next_table(u64& entry, bool user)
{
    if (entry & PRESENT) {
        if (entry & HUGE)
            return Error::Exists;
        if (user)
            entry |= USER;
        return static_cast<u64*>(arch::phys_to_virt(entry & ADDRESS_MASK));
    }
    PhysAddr frame = TRY(frame_allocator().allocate(0));
    auto table = static_cast<u64*>(arch::phys_to_virt(frame));
    for (int i = 0; i < 512; ++i)
        table[i] = 0;
    entry = frame | PRESENT | WRITABLE | (user ? USER : 0);
    return table;
}

void invalidate(VirtAddr virt) { asm volatile("invlpg (%0)" : : "r"(virt) : "memory"); }

void map_image_range(void const* start, void const* end, u64 flags)
{
    for (u64 va = align_down(reinterpret_cast<u64>(start), PAGE_SIZE); va < reinterpret_cast<u64>(end);
         va += PAGE_SIZE) {
        u64 index = (va - KERNEL_VMA) >> 12; // page index from KERNEL_VMA
        u64 pt = index / 512;
        if (pt >= KERNEL_PT_COUNT)
            return;
        g_kernel_pts[pt][index % 512] = (va - KERNEL_VMA) | flags;
    }
}

} // namespace

void paging_init(u64 highest_physical_address)
{
    if (cpuid(0x80000000).eax >= 0x80000001 && (cpuid(0x80000001).edx & (1u << 20))) {
        wrmsr(0xC0000080, rdmsr(0xC0000080) | (1ull << 11)); // EFER.NXE
        g_nx = NO_EXECUTE;
    }
    u64 gib = align_up(highest_physical_address, GiB) / GiB;
    if (gib < 4)
        gib = 4; // keep the low 4 GiB (ACPI, firmware tables) reachable
    if (gib > DIRECT_MAP_MAX_GIB)
        gib = DIRECT_MAP_MAX_GIB;

    for (u64 g = 0; g < gib; ++g) {
        for (u64 i = 0; i < 512; ++i)
            g_direct_pds[g][i] = (g * GiB + i * 2 * MiB) | PRESENT | WRITABLE | HUGE | GLOBAL | g_nx;
        g_direct_pdpt[g] = image_phys(g_direct_pds[g]) | PRESENT | WRITABLE;
    }
    g_pml4[256] = image_phys(g_direct_pdpt) | PRESENT | WRITABLE;

    // Kernel image: 4 KiB pages with each section's own rights.
    map_image_range(__kernel_start, __text_end, PRESENT | GLOBAL);
    map_image_range(__rodata_start, __rodata_end, PRESENT | GLOBAL | g_nx);
    map_image_range(__data_start, __bss_end, PRESENT | WRITABLE | GLOBAL | g_nx);
    map_image_range(__ksyms_start, __kernel_end, PRESENT | GLOBAL | g_nx);
    for (usize pt = 0; pt < KERNEL_PT_COUNT; ++pt)
        g_kernel_pd[pt] = image_phys(g_kernel_pts[pt]) | PRESENT | WRITABLE;
    g_kernel_pdpt[510] = image_phys(g_kernel_pd) | PRESENT | WRITABLE;
    g_pml4[511] = image_phys(g_kernel_pdpt) | PRESENT | WRITABLE;

    asm volatile("mov %%cr4, %%rax; or $0x80, %%rax; mov %%rax, %%cr4" : : : "rax"); // PGE
    asm volatile("mov %0, %%cr3" : : "r"(image_phys(g_pml4)) : "memory");
    g_ready = true;
    log_info("paging: direct map %llu GiB, NX %s", (unsigned long long)gib, g_nx ? "on" : "off");
}

Result<void*> map_mmio(PhysAddr phys, usize size)
{
    PhysAddr base = align_down(phys, PAGE_SIZE);
    usize length = align_up(phys + size, PAGE_SIZE) - base;
    VirtAddr virt;
    {
        SpinlockGuard guard(g_paging_lock);
        virt = g_mmio_next;
        g_mmio_next += length + PAGE_SIZE; // an unmapped guard page between windows
    }
    for (usize off = 0; off < length; off += PAGE_SIZE)
        TRY(arch::map_kernel_page(virt + off, base + off, arch::PageWritable | arch::PageNoCache));
    return reinterpret_cast<void*>(virt + (phys - base));
}

} // namespace x86

namespace arch {

void* phys_to_virt(PhysAddr phys) { return reinterpret_cast<void*>(phys + x86::DIRECT_MAP_BASE); }

PhysAddr virt_to_phys(void const* virt)
{
    u64 v = reinterpret_cast<u64>(virt);
    if (v >= x86::KERNEL_VMA)
        return v - x86::KERNEL_VMA;
    return v - x86::DIRECT_MAP_BASE;
}

Result<void> map_kernel_page(VirtAddr virt, PhysAddr phys, u32 flags)
{
    using namespace x86;
    SpinlockGuard guard(g_paging_lock);
    u64* pml4 = g_pml4;
    u64* pdpt = TRY(next_table(pml4[(virt >> 39) & 511], false));
    u64* pd = TRY(next_table(pdpt[(virt >> 30) & 511], false));
    u64* pt = TRY(next_table(pd[(virt >> 21) & 511], false));
    pt[(virt >> 12) & 511] = (phys & ADDRESS_MASK) | leaf_flags(flags);
    invalidate(virt);
    return {};
}

void unmap_kernel_page(VirtAddr virt)
{
    using namespace x86;
    SpinlockGuard guard(g_paging_lock);
    u64 e = g_pml4[(virt >> 39) & 511];
    if (!(e & PRESENT))
        return;
    auto pdpt = static_cast<u64*>(phys_to_virt(e & ADDRESS_MASK));
    e = pdpt[(virt >> 30) & 511];
    if (!(e & PRESENT) || (e & HUGE))
        return;
    auto pd = static_cast<u64*>(phys_to_virt(e & ADDRESS_MASK));
    e = pd[(virt >> 21) & 511];
    if (!(e & PRESENT) || (e & HUGE))
        return;
    auto pt = static_cast<u64*>(phys_to_virt(e & ADDRESS_MASK));
    pt[(virt >> 12) & 511] = 0;
    invalidate(virt);
}

} // namespace arch
