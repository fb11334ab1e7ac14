// `fault=KIND` on the command line: raise a real CPU fault from a named function so
// tests can check the exception report and the symbolized backtrace.
#include "kernel/arch/cpu.h"

namespace arch {

[[gnu::noinline]] void trigger_deliberate_fault(char const* kind)
{
    auto is = [kind](char const* name) {
        usize i = 0;
        while (kind[i] && kind[i] == name[i])
            ++i;
        return kind[i] == 0 && name[i] == 0;
    };
    if (is("pagefault")) {
        volatile u64* unmapped = reinterpret_cast<volatile u64*>(0xdead000);
        *unmapped = 1;
    } else if (is("gp")) {
        volatile u64* non_canonical = reinterpret_cast<volatile u64*>(0x8000000000000000ull);
        *non_canonical = 1;
    } else if (is("ud")) {
        asm volatile("ud2");
    } else if (is("divide")) {
        asm volatile("xor %%ecx, %%ecx; div %%ecx" : : : "eax", "ecx", "edx");
    }
}

} // namespace arch
