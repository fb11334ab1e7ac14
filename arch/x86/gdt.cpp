// GDT and TSS: flat 64-bit kernel and user segments (ordered for syscall/sysret)
// and a TSS whose interrupt stacks (IST) give double faults, NMIs and machine
// checks a known-good stack even when the current one is broken.
#include "arch/x86/gdt.h"

#include "arch/x86/interrupts.h"

namespace x86 {
namespace {

struct [[gnu::packed]] Tss {
    u32 reserved0;
    u64 rsp[3];
    u64 reserved1;
    u64 ist[7];
    u64 reserved2;
    u16 reserved3;
    u16 iomap_base;
};

struct [[gnu::packed]] GdtPointer {
    u16 limit;
    u64 base;
};

constexpr usize IST_STACK_SIZE = 16 * KiB;

alignas(16) u64 g_gdt[7];
Tss g_tss;
alignas(16) u8 g_ist_stacks[3][IST_STACK_SIZE];

} // namespace

void gdt_init()
{
    g_gdt[0] = 0;
    g_gdt[1] = 0x00af9a000000ffffull; // 0x08 kernel code, 64-bit
    g_gdt[2] = 0x00cf92000000ffffull; // 0x10 kernel data
    g_gdt[3] = 0x00cff2000000ffffull; // 0x18 user data (DPL 3)
    g_gdt[4] = 0x00affa000000ffffull; // 0x20 user code, 64-bit (DPL 3)

    for (int i = 0; i < 3; ++i)
        g_tss.ist[i] = reinterpret_cast<u64>(&g_ist_stacks[i][IST_STACK_SIZE]);
    g_tss.iomap_base = sizeof(Tss);

    u64 base = reinterpret_cast<u64>(&g_tss);
    u64 limit = sizeof(Tss) - 1;
    g_gdt[5] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ull << 40) | (((limit >> 16) & 0xf) << 48)
        | (((base >> 24) & 0xff) << 56);
    g_gdt[6] = base >> 32;

    GdtPointer pointer { sizeof(g_gdt) - 1, reinterpret_cast<u64>(g_gdt) };
    asm volatile("lgdt %0" : : "m"(pointer));
    // Reload CS through a far return, then the data segments and the task register.
    asm volatile(
        "pushq %[code]\n"
        "leaq 1f(%%rip), %%rax\n"
        "pushq %%rax\n"
        "lretq\n"
        "1:\n"
        "movw %w[data], %%ax\n"
        "movw %%ax, %%ds\n"
        "movw %%ax, %%es\n"
        "movw %%ax, %%ss\n"
        "xorw %%ax, %%ax\n"
        "movw %%ax, %%fs\n"
        "movw %%ax, %%gs\n"
        :
        : [code] "i"(KERNEL_CODE_SELECTOR), [data] "i"(KERNEL_DATA_SELECTOR)
        : "rax", "memory");
    asm volatile("ltr %w0" : : "r"(TSS_SELECTOR));
}

extern "C" u64 x86_syscall_kernel_stack;

void tss_set_kernel_stack(u64 rsp0)
{
    g_tss.rsp[0] = rsp0;
    x86_syscall_kernel_stack = rsp0; // the syscall entry switches to the same stack
}

} // namespace x86
