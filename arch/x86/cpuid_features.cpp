// The x86 half of CPU feature detection: gathers the CPUID leaves that
// CpuFeatures decodes, honouring the maximum leaf numbers the CPU reports.
#include "arch/x86/cpuid_features.h"

#include "arch/x86/io.h"

namespace x86 {

namespace {

CpuidLeaves g_leaves;
CpuFeatures g_features;

void store_register(char* to, u32 value)
{
    for (int i = 0; i < 4; ++i)
        to[i] = char(value >> (8 * i));
}

} // namespace

void cpu_features_init()
{
    CpuidLeaves& l = g_leaves;
    CpuidResult leaf0 = cpuid(0);
    l.max_basic_leaf = leaf0.eax;
    store_register(&l.vendor[0], leaf0.ebx);
    store_register(&l.vendor[4], leaf0.edx);
    store_register(&l.vendor[8], leaf0.ecx);
    l.vendor[12] = '\0';

    if (l.max_basic_leaf >= 1) {
        CpuidResult r = cpuid(1);
        l.leaf1_eax = r.eax;
        l.leaf1_ebx = r.ebx;
        l.leaf1_ecx = r.ecx;
        l.leaf1_edx = r.edx;
    }
    if (l.max_basic_leaf >= 7) {
        CpuidResult r = cpuid(7, 0);
        l.leaf7_ebx = r.ebx;
        l.leaf7_ecx = r.ecx;
        l.leaf7_edx = r.edx;
    }
    if (l.max_basic_leaf >= 0xD)
        l.leafd1_eax = cpuid(0xD, 1).eax;

    l.max_extended_leaf = cpuid(0x80000000).eax;
    // Old CPUs echo garbage here; a real answer is in the 0x8000xxxx range.
    if ((l.max_extended_leaf & 0xFFFF0000) != 0x80000000)
        l.max_extended_leaf = 0;
    if (l.max_extended_leaf >= 0x80000001) {
        CpuidResult r = cpuid(0x80000001);
        l.ext1_ecx = r.ecx;
        l.ext1_edx = r.edx;
    }
    if (l.max_extended_leaf >= 0x80000004) {
        for (u32 i = 0; i < 3; ++i) {
            CpuidResult r = cpuid(0x80000002 + i);
            store_register(&l.brand[16 * i + 0], r.eax);
            store_register(&l.brand[16 * i + 4], r.ebx);
            store_register(&l.brand[16 * i + 8], r.ecx);
            store_register(&l.brand[16 * i + 12], r.edx);
        }
        l.brand[48] = '\0';
    }
    if (l.max_extended_leaf >= 0x80000007)
        l.ext7_edx = cpuid(0x80000007).edx;

    g_features = CpuFeatures::from_cpuid(l);
}

CpuidLeaves const& boot_cpuid_leaves() { return g_leaves; }

} // namespace x86

CpuFeatures const& boot_cpu_features() { return x86::g_features; }
