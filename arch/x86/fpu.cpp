// x86 FPU state management: CR0/CR4/XCR0 set-up, the save-area size, and the
// xsave/fxsave save and restore used by every context switch.
#include "arch/x86/fpu.h"

#include <new>

#include "arch/x86/io.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"

namespace x86 {

namespace {

constexpr u64 CR0_MP = 1u << 1;
constexpr u64 CR0_EM = 1u << 2;
constexpr u64 CR0_TS = 1u << 3;
constexpr u64 CR0_NE = 1u << 5;
constexpr u64 CR4_OSFXSR = 1u << 9;
constexpr u64 CR4_OSXMMEXCPT = 1u << 10;
constexpr u64 CR4_OSXSAVE = 1u << 18;
constexpr u32 CPUID1_ECX_XSAVE = 1u << 26;
constexpr u32 CPUID1_ECX_AVX = 1u << 28;
constexpr u64 XCR0_X87 = 1u << 0;
constexpr u64 XCR0_SSE = 1u << 1;
constexpr u64 XCR0_AVX = 1u << 2;
constexpr usize FXSAVE_SIZE = 512;
constexpr u32 MXCSR_DEFAULT = 0x1F80; // all SSE exceptions masked, round to nearest
// The clean image is static (fpu_init runs before the heap may exist); a CPU
// whose enabled state needs more than this falls back to x87|SSE only.
constexpr usize MAX_STATE_SIZE = 4096;

alignas(64) u8 g_default_state[MAX_STATE_SIZE];
usize g_state_size = FXSAVE_SIZE;
u64 g_xcr0 = 0;
bool g_use_xsave = false;
bool g_initialized = false;

u64 read_cr0()
{
    u64 value;
    asm volatile("mov %%cr0, %0" : "=r"(value));
    return value;
}
void write_cr0(u64 value) { asm volatile("mov %0, %%cr0" : : "r"(value) : "memory"); }
u64 read_cr4()
{
    u64 value;
    asm volatile("mov %%cr4, %0" : "=r"(value));
    return value;
}
void write_cr4(u64 value) { asm volatile("mov %0, %%cr4" : : "r"(value) : "memory"); }
void xsetbv(u32 index, u64 value)
{
    asm volatile("xsetbv" : : "c"(index), "a"(u32(value)), "d"(u32(value >> 32)) : "memory");
}

} // namespace

void fpu_init()
{
    u64 cr0 = read_cr0();
    cr0 |= CR0_MP | CR0_NE;
    cr0 &= ~(CR0_EM | CR0_TS);
    write_cr0(cr0);
    write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);

    CpuidResult leaf1 = cpuid(1);
    u32 max_leaf = cpuid(0).eax;
    if ((leaf1.ecx & CPUID1_ECX_XSAVE) && max_leaf >= 0xD) {
        write_cr4(read_cr4() | CR4_OSXSAVE);
        u64 supported = cpuid(0xD, 0).eax;
        u64 xcr0 = XCR0_X87 | XCR0_SSE;
        if ((leaf1.ecx & CPUID1_ECX_AVX) && (supported & XCR0_AVX))
            xcr0 |= XCR0_AVX;
        xsetbv(0, xcr0);
        // EBX of leaf 0xD reports the size for the features now enabled in XCR0.
        usize size = cpuid(0xD, 0).ebx;
        if (size > MAX_STATE_SIZE && (xcr0 & XCR0_AVX)) {
            xcr0 &= ~XCR0_AVX;
            xsetbv(0, xcr0);
            size = cpuid(0xD, 0).ebx;
        }
        if (size <= MAX_STATE_SIZE) {
            g_xcr0 = xcr0;
            g_state_size = align_up(size, 64);
            g_use_xsave = true;
        }
    }

    // The clean image: freshly initialised x87 plus the default MXCSR.
    u32 mxcsr = MXCSR_DEFAULT;
    asm volatile("fninit\n\tldmxcsr %0" : : "m"(mxcsr));
    memset(g_default_state, 0, sizeof(g_default_state));
    fpu_save(g_default_state);
    g_initialized = true;
}

bool fpu_initialized() { return g_initialized; }
bool fpu_uses_xsave() { return g_use_xsave; }
usize fpu_state_size() { return g_state_size; }

Result<void> fpu_alloc_state(u8*& area, u8*& allocation)
{
    KASSERT(g_initialized);
    allocation = new (std::nothrow) u8[g_state_size + 63];
    if (!allocation)
        return Error::NoMemory;
    area = reinterpret_cast<u8*>(align_up(reinterpret_cast<u64>(allocation), 64));
    memcpy(area, g_default_state, g_state_size);
    return {};
}

void fpu_free_state(u8* allocation) { delete[] allocation; }

void fpu_save(u8* area)
{
    if (g_use_xsave) {
        asm volatile("xsave64 %0" : "=m"(*area) : "a"(u32(g_xcr0)), "d"(u32(g_xcr0 >> 32)) : "memory");
    } else {
        asm volatile("fxsave64 %0" : "=m"(*area) : : "memory");
    }
}

void fpu_restore(u8 const* area)
{
    if (g_use_xsave) {
        asm volatile("xrstor64 %0" : : "m"(*area), "a"(u32(g_xcr0)), "d"(u32(g_xcr0 >> 32)) : "memory");
    } else {
        asm volatile("fxrstor64 %0" : : "m"(*area) : "memory");
    }
}

} // namespace x86
