// Decoding of CPUID register values into CpuFeatures, and the name table. The
// feature list itself lives in cpu_feature_list.h.
#include "kernel/cpu/cpu_features.h"

namespace {

enum class CpuidRegister : u8 { Leaf1Ecx, Leaf1Edx, Leaf7Ebx, Leaf7Ecx, Leaf7Edx, LeafD1Eax, Ext1Ecx, Ext1Edx, Ext7Edx };

struct FeatureBit {
    char const* name;
    CpuidRegister reg;
    u8 bit;
};

constexpr FeatureBit FEATURE_TABLE[] = {
#define UNUM_CPU_FEATURE_ROW(enumerator, name, reg, bit) { name, CpuidRegister::reg, bit },
    UNUM_CPU_FEATURES(UNUM_CPU_FEATURE_ROW)
#undef UNUM_CPU_FEATURE_ROW
};
static_assert(sizeof(FEATURE_TABLE) / sizeof(FEATURE_TABLE[0]) == CpuFeatures::FEATURE_COUNT);

// The register's value, or 0 when its leaf is beyond what the CPU reports.
u32 register_value(CpuidLeaves const& l, CpuidRegister reg)
{
    bool has_leaf1 = l.max_basic_leaf >= 1;
    bool has_leaf7 = l.max_basic_leaf >= 7;
    bool has_leafd = l.max_basic_leaf >= 0xD;
    bool has_ext1 = l.max_extended_leaf >= 0x80000001;
    bool has_ext7 = l.max_extended_leaf >= 0x80000007;
    switch (reg) {
    case CpuidRegister::Leaf1Ecx: return has_leaf1 ? l.leaf1_ecx : 0;
    case CpuidRegister::Leaf1Edx: return has_leaf1 ? l.leaf1_edx : 0;
    case CpuidRegister::Leaf7Ebx: return has_leaf7 ? l.leaf7_ebx : 0;
    case CpuidRegister::Leaf7Ecx: return has_leaf7 ? l.leaf7_ecx : 0;
    case CpuidRegister::Leaf7Edx: return has_leaf7 ? l.leaf7_edx : 0;
    case CpuidRegister::LeafD1Eax: return has_leafd ? l.leafd1_eax : 0;
    case CpuidRegister::Ext1Ecx: return has_ext1 ? l.ext1_ecx : 0;
    case CpuidRegister::Ext1Edx: return has_ext1 ? l.ext1_edx : 0;
    case CpuidRegister::Ext7Edx: return has_ext7 ? l.ext7_edx : 0;
    }
    return 0;
}

usize c_length(char const* s)
{
    usize n = 0;
    while (s[n])
        ++n;
    return n;
}

bool same_name(StringView a, char const* b)
{
    usize length = c_length(b);
    if (a.length() != length)
        return false;
    for (usize i = 0; i < length; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// Copies a fixed-size CPUID string, stopping at NUL, optionally dropping leading spaces.
template<usize N>
void copy_cpuid_string(char (&to)[N], char const (&from)[N], bool trim_leading)
{
    usize in = 0;
    while (trim_leading && in < N - 1 && from[in] == ' ')
        ++in;
    usize out = 0;
    for (; in < N - 1 && from[in]; ++in)
        to[out++] = from[in];
    while (out > 0 && to[out - 1] == ' ')
        --out;
    to[out] = '\0';
}

} // namespace

CpuFeatures CpuFeatures::from_cpuid(CpuidLeaves const& leaves)
{
    CpuFeatures features;
    for (usize i = 0; i < FEATURE_COUNT; ++i) {
        FeatureBit const& row = FEATURE_TABLE[i];
        if (register_value(leaves, row.reg) & (1u << row.bit))
            features.set(CpuFeature(i));
    }
    copy_cpuid_string(features.m_vendor, leaves.vendor, false);
    if (leaves.max_extended_leaf >= 0x80000004)
        copy_cpuid_string(features.m_brand, leaves.brand, true);

    if (leaves.max_basic_leaf >= 1) {
        u32 eax = leaves.leaf1_eax;
        u32 base_family = (eax >> 8) & 0xF;
        u32 base_model = (eax >> 4) & 0xF;
        features.m_family = base_family == 0xF ? base_family + ((eax >> 20) & 0xFF) : base_family;
        features.m_model = (base_family == 0x6 || base_family == 0xF) ? base_model | (((eax >> 16) & 0xF) << 4)
                                                                      : base_model;
        features.m_stepping = eax & 0xF;
    }
    return features;
}

void CpuFeatures::set(CpuFeature feature)
{
    usize i = usize(feature);
    m_bits[i / 64] |= u64(1) << (i % 64);
}

bool CpuFeatures::has(CpuFeature feature) const
{
    usize i = usize(feature);
    if (i >= FEATURE_COUNT)
        return false;
    return m_bits[i / 64] & (u64(1) << (i % 64));
}

bool CpuFeatures::has(StringView name) const
{
    auto feature = from_name(name);
    return feature && has(*feature);
}

usize CpuFeatures::count() const
{
    usize n = 0;
    // Kernel builds have no libgcc popcount helper (and no POPCNT guarantee).
    for (u64 word : m_bits) {
        for (; word; word &= word - 1)
            ++n;
    }
    return n;
}

StringView CpuFeatures::name_of(CpuFeature feature)
{
    usize i = usize(feature);
    if (i >= FEATURE_COUNT)
        return {};
    return StringView(FEATURE_TABLE[i].name, c_length(FEATURE_TABLE[i].name));
}

std::optional<CpuFeature> CpuFeatures::from_name(StringView name)
{
    for (usize i = 0; i < FEATURE_COUNT; ++i) {
        if (same_name(name, FEATURE_TABLE[i].name))
            return CpuFeature(i);
    }
    return std::nullopt;
}

usize CpuFeatures::format(char* buffer, usize size) const
{
    usize length = 0;
    auto put = [&](char c) {
        if (length + 1 < size)
            buffer[length] = c;
        ++length;
    };
    for_each([&](CpuFeature feature) {
        if (length > 0)
            put(' ');
        for (char const* p = FEATURE_TABLE[usize(feature)].name; *p; ++p)
            put(*p);
    });
    if (size > 0)
        buffer[length < size ? length : size - 1] = '\0';
    return length;
}
