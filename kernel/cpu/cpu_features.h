// CpuFeatures: the processor's ISA extensions as a set of named features, decoded
// from raw CPUID values (portable: the arch reads CPUID, this file interprets it,
// so host tests can feed known leaves). Names are Linux's /proc/cpuinfo flags; the
// cluster advertises them and placement compares them by name. Immutable once
// built, so readers need no lock.
#pragma once

#include <optional>

#include "kernel/cpu/cpu_feature_list.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

// The raw CPUID outputs the decoder needs. Leaves above max_basic_leaf /
// max_extended_leaf are ignored whatever their fields hold.
struct CpuidLeaves {
    u32 max_basic_leaf { 0 };
    u32 max_extended_leaf { 0 };
    char vendor[13] {};   // leaf 0 EBX, EDX, ECX: "GenuineIntel", "AuthenticAMD", ...
    char brand[49] {};    // leaves 0x80000002-4, as returned (may be space-padded)
    u32 leaf1_eax { 0 };  // family, model, stepping
    u32 leaf1_ebx { 0 };  // initial APIC id in bits 24-31
    u32 leaf1_ecx { 0 };
    u32 leaf1_edx { 0 };
    u32 leaf7_ebx { 0 };  // leaf 7 subleaf 0
    u32 leaf7_ecx { 0 };
    u32 leaf7_edx { 0 };
    u32 leafd1_eax { 0 }; // leaf 0xD subleaf 1
    u32 ext1_ecx { 0 };   // 0x80000001
    u32 ext1_edx { 0 };
    u32 ext7_edx { 0 };   // 0x80000007 (invariant TSC)
};

enum class CpuFeature : u16 {
#define UNUM_CPU_FEATURE_ENUM(enumerator, name, reg, bit) enumerator,
    UNUM_CPU_FEATURES(UNUM_CPU_FEATURE_ENUM)
#undef UNUM_CPU_FEATURE_ENUM
        Count
};

class CpuFeatures {
public:
    static constexpr usize FEATURE_COUNT = usize(CpuFeature::Count);

    CpuFeatures() = default;
    static CpuFeatures from_cpuid(CpuidLeaves const& leaves);

    bool has(CpuFeature feature) const;
    // False for names Unum does not know.
    bool has(StringView name) const;
    usize count() const;

    static StringView name_of(CpuFeature feature);
    static std::optional<CpuFeature> from_name(StringView name);

    // Writes the present features' names, space-separated, in table order, into
    // buffer (always NUL-terminated when size > 0). Returns the full length the
    // text needs, so `result >= size` means it was cut short.
    usize format(char* buffer, usize size) const;

    // Calls f(CpuFeature) for each present feature in table order.
    template<typename F>
    void for_each(F f) const
    {
        for (usize i = 0; i < FEATURE_COUNT; ++i) {
            if (has(CpuFeature(i)))
                f(CpuFeature(i));
        }
    }

    char const* vendor() const { return m_vendor; }
    // Leading spaces trimmed; empty when the CPU has no brand string.
    char const* brand() const { return m_brand; }
    // Display family and model (extended fields folded in as the vendors specify).
    u32 family() const { return m_family; }
    u32 model() const { return m_model; }
    u32 stepping() const { return m_stepping; }

private:
    void set(CpuFeature feature);

    u64 m_bits[(FEATURE_COUNT + 63) / 64] {};
    char m_vendor[13] {};
    char m_brand[49] {};
    u32 m_family { 0 };
    u32 m_model { 0 };
    u32 m_stepping { 0 };
};

// The boot CPU's features. Implemented by the arch (arch/x86/cpuid_features.cpp);
// valid after the arch's CPU feature init, empty before.
CpuFeatures const& boot_cpu_features();
