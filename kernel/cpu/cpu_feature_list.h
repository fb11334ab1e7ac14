// The CPU features Unum knows, in Linux /proc/cpuinfo spelling and order: the
// cluster advertises them by name, so names must match what users know. Each
// entry is (Enumerator, "name", CPUID register, bit). Included by cpu_features.h
// and cpu_features.cpp only.
#pragma once

// clang-format off
#define UNUM_CPU_FEATURES(X) \
    /* CPUID 1, EDX */ \
    X(Fpu, "fpu", Leaf1Edx, 0) X(Vme, "vme", Leaf1Edx, 1) X(De, "de", Leaf1Edx, 2) \
    X(Pse, "pse", Leaf1Edx, 3) X(Tsc, "tsc", Leaf1Edx, 4) X(Msr, "msr", Leaf1Edx, 5) \
    X(Pae, "pae", Leaf1Edx, 6) X(Mce, "mce", Leaf1Edx, 7) X(Cx8, "cx8", Leaf1Edx, 8) \
    X(Apic, "apic", Leaf1Edx, 9) X(Sep, "sep", Leaf1Edx, 11) X(Mtrr, "mtrr", Leaf1Edx, 12) \
    X(Pge, "pge", Leaf1Edx, 13) X(Mca, "mca", Leaf1Edx, 14) X(Cmov, "cmov", Leaf1Edx, 15) \
    X(Pat, "pat", Leaf1Edx, 16) X(Pse36, "pse36", Leaf1Edx, 17) X(Pn, "pn", Leaf1Edx, 18) \
    X(Clflush, "clflush", Leaf1Edx, 19) X(Dts, "dts", Leaf1Edx, 21) X(Acpi, "acpi", Leaf1Edx, 22) \
    X(Mmx, "mmx", Leaf1Edx, 23) X(Fxsr, "fxsr", Leaf1Edx, 24) X(Sse, "sse", Leaf1Edx, 25) \
    X(Sse2, "sse2", Leaf1Edx, 26) X(Ss, "ss", Leaf1Edx, 27) X(Ht, "ht", Leaf1Edx, 28) \
    X(Tm, "tm", Leaf1Edx, 29) X(Pbe, "pbe", Leaf1Edx, 31) \
    /* CPUID 0x80000001, EDX */ \
    X(Syscall, "syscall", Ext1Edx, 11) X(Mp, "mp", Ext1Edx, 19) X(Nx, "nx", Ext1Edx, 20) \
    X(Mmxext, "mmxext", Ext1Edx, 22) X(FxsrOpt, "fxsr_opt", Ext1Edx, 25) \
    X(Pdpe1gb, "pdpe1gb", Ext1Edx, 26) X(Rdtscp, "rdtscp", Ext1Edx, 27) X(Lm, "lm", Ext1Edx, 29) \
    X(ThreeDNowExt, "3dnowext", Ext1Edx, 30) X(ThreeDNow, "3dnow", Ext1Edx, 31) \
    /* CPUID 0x80000007, EDX bit 8 (invariant TSC) is reported as these two */ \
    X(ConstantTsc, "constant_tsc", Ext7Edx, 8) X(NonstopTsc, "nonstop_tsc", Ext7Edx, 8) \
    /* CPUID 1, ECX */ \
    X(Pni, "pni", Leaf1Ecx, 0) X(Pclmulqdq, "pclmulqdq", Leaf1Ecx, 1) X(Dtes64, "dtes64", Leaf1Ecx, 2) \
    X(Monitor, "monitor", Leaf1Ecx, 3) X(DsCpl, "ds_cpl", Leaf1Ecx, 4) X(Vmx, "vmx", Leaf1Ecx, 5) \
    X(Smx, "smx", Leaf1Ecx, 6) X(Est, "est", Leaf1Ecx, 7) X(Tm2, "tm2", Leaf1Ecx, 8) \
    X(Ssse3, "ssse3", Leaf1Ecx, 9) X(Cid, "cid", Leaf1Ecx, 10) X(Sdbg, "sdbg", Leaf1Ecx, 11) \
    X(Fma, "fma", Leaf1Ecx, 12) X(Cx16, "cx16", Leaf1Ecx, 13) X(Xtpr, "xtpr", Leaf1Ecx, 14) \
    X(Pdcm, "pdcm", Leaf1Ecx, 15) X(Pcid, "pcid", Leaf1Ecx, 17) X(Dca, "dca", Leaf1Ecx, 18) \
    X(Sse4_1, "sse4_1", Leaf1Ecx, 19) X(Sse4_2, "sse4_2", Leaf1Ecx, 20) X(X2apic, "x2apic", Leaf1Ecx, 21) \
    X(Movbe, "movbe", Leaf1Ecx, 22) X(Popcnt, "popcnt", Leaf1Ecx, 23) \
    X(TscDeadlineTimer, "tsc_deadline_timer", Leaf1Ecx, 24) X(Aes, "aes", Leaf1Ecx, 25) \
    X(Xsave, "xsave", Leaf1Ecx, 26) X(Avx, "avx", Leaf1Ecx, 28) X(F16c, "f16c", Leaf1Ecx, 29) \
    X(Rdrand, "rdrand", Leaf1Ecx, 30) X(Hypervisor, "hypervisor", Leaf1Ecx, 31) \
    /* CPUID 0x80000001, ECX */ \
    X(LahfLm, "lahf_lm", Ext1Ecx, 0) X(CmpLegacy, "cmp_legacy", Ext1Ecx, 1) X(Svm, "svm", Ext1Ecx, 2) \
    X(Extapic, "extapic", Ext1Ecx, 3) X(Cr8Legacy, "cr8_legacy", Ext1Ecx, 4) X(Abm, "abm", Ext1Ecx, 5) \
    X(Sse4a, "sse4a", Ext1Ecx, 6) X(Misalignsse, "misalignsse", Ext1Ecx, 7) \
    X(ThreeDNowPrefetch, "3dnowprefetch", Ext1Ecx, 8) X(Osvw, "osvw", Ext1Ecx, 9) X(Ibs, "ibs", Ext1Ecx, 10) \
    X(Xop, "xop", Ext1Ecx, 11) X(Skinit, "skinit", Ext1Ecx, 12) X(Wdt, "wdt", Ext1Ecx, 13) \
    X(Lwp, "lwp", Ext1Ecx, 15) X(Fma4, "fma4", Ext1Ecx, 16) X(Tce, "tce", Ext1Ecx, 17) \
    X(NodeidMsr, "nodeid_msr", Ext1Ecx, 19) X(Tbm, "tbm", Ext1Ecx, 21) X(Topoext, "topoext", Ext1Ecx, 22) \
    X(PerfctrCore, "perfctr_core", Ext1Ecx, 23) X(PerfctrNb, "perfctr_nb", Ext1Ecx, 24) \
    X(Bpext, "bpext", Ext1Ecx, 26) X(PerfctrLlc, "perfctr_llc", Ext1Ecx, 28) X(Mwaitx, "mwaitx", Ext1Ecx, 29) \
    /* CPUID 7.0, EBX */ \
    X(Fsgsbase, "fsgsbase", Leaf7Ebx, 0) X(TscAdjust, "tsc_adjust", Leaf7Ebx, 1) X(Sgx, "sgx", Leaf7Ebx, 2) \
    X(Bmi1, "bmi1", Leaf7Ebx, 3) X(Hle, "hle", Leaf7Ebx, 4) X(Avx2, "avx2", Leaf7Ebx, 5) \
    X(Smep, "smep", Leaf7Ebx, 7) X(Bmi2, "bmi2", Leaf7Ebx, 8) X(Erms, "erms", Leaf7Ebx, 9) \
    X(Invpcid, "invpcid", Leaf7Ebx, 10) X(Rtm, "rtm", Leaf7Ebx, 11) X(Mpx, "mpx", Leaf7Ebx, 14) \
    X(Avx512f, "avx512f", Leaf7Ebx, 16) X(Avx512dq, "avx512dq", Leaf7Ebx, 17) X(Rdseed, "rdseed", Leaf7Ebx, 18) \
    X(Adx, "adx", Leaf7Ebx, 19) X(Smap, "smap", Leaf7Ebx, 20) X(Avx512ifma, "avx512ifma", Leaf7Ebx, 21) \
    X(Clflushopt, "clflushopt", Leaf7Ebx, 23) X(Clwb, "clwb", Leaf7Ebx, 24) X(IntelPt, "intel_pt", Leaf7Ebx, 25) \
    X(Avx512pf, "avx512pf", Leaf7Ebx, 26) X(Avx512er, "avx512er", Leaf7Ebx, 27) \
    X(Avx512cd, "avx512cd", Leaf7Ebx, 28) X(ShaNi, "sha_ni", Leaf7Ebx, 29) \
    X(Avx512bw, "avx512bw", Leaf7Ebx, 30) X(Avx512vl, "avx512vl", Leaf7Ebx, 31) \
    /* CPUID 0xD.1, EAX */ \
    X(Xsaveopt, "xsaveopt", LeafD1Eax, 0) X(Xsavec, "xsavec", LeafD1Eax, 1) \
    X(Xgetbv1, "xgetbv1", LeafD1Eax, 2) X(Xsaves, "xsaves", LeafD1Eax, 3) \
    /* CPUID 7.0, ECX */ \
    X(Avx512vbmi, "avx512vbmi", Leaf7Ecx, 1) X(Umip, "umip", Leaf7Ecx, 2) X(Pku, "pku", Leaf7Ecx, 3) \
    X(Ospke, "ospke", Leaf7Ecx, 4) X(Waitpkg, "waitpkg", Leaf7Ecx, 5) X(Avx512Vbmi2, "avx512_vbmi2", Leaf7Ecx, 6) \
    X(Gfni, "gfni", Leaf7Ecx, 8) X(Vaes, "vaes", Leaf7Ecx, 9) X(Vpclmulqdq, "vpclmulqdq", Leaf7Ecx, 10) \
    X(Avx512Vnni, "avx512_vnni", Leaf7Ecx, 11) X(Avx512Bitalg, "avx512_bitalg", Leaf7Ecx, 12) \
    X(Tme, "tme", Leaf7Ecx, 13) X(Avx512Vpopcntdq, "avx512_vpopcntdq", Leaf7Ecx, 14) X(La57, "la57", Leaf7Ecx, 16) \
    X(Rdpid, "rdpid", Leaf7Ecx, 22) X(BusLockDetect, "bus_lock_detect", Leaf7Ecx, 24) \
    X(Cldemote, "cldemote", Leaf7Ecx, 25) X(Movdiri, "movdiri", Leaf7Ecx, 27) \
    X(Movdir64b, "movdir64b", Leaf7Ecx, 28) X(Enqcmd, "enqcmd", Leaf7Ecx, 29) X(SgxLc, "sgx_lc", Leaf7Ecx, 30) \
    /* CPUID 7.0, EDX */ \
    X(Avx512_4vnniw, "avx512_4vnniw", Leaf7Edx, 2) X(Avx512_4fmaps, "avx512_4fmaps", Leaf7Edx, 3) \
    X(Fsrm, "fsrm", Leaf7Edx, 4) X(Avx512Vp2intersect, "avx512_vp2intersect", Leaf7Edx, 8) \
    X(MdClear, "md_clear", Leaf7Edx, 10) X(Serialize, "serialize", Leaf7Edx, 14) \
    X(Tsxldtrk, "tsxldtrk", Leaf7Edx, 16) X(Pconfig, "pconfig", Leaf7Edx, 18) X(ArchLbr, "arch_lbr", Leaf7Edx, 19) \
    X(Ibt, "ibt", Leaf7Edx, 20) X(AmxBf16, "amx_bf16", Leaf7Edx, 22) X(Avx512Fp16, "avx512_fp16", Leaf7Edx, 23) \
    X(AmxTile, "amx_tile", Leaf7Edx, 24) X(AmxInt8, "amx_int8", Leaf7Edx, 25) \
    X(FlushL1d, "flush_l1d", Leaf7Edx, 28) X(ArchCapabilities, "arch_capabilities", Leaf7Edx, 29)
// clang-format on
