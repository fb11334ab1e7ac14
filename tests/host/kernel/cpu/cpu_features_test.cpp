// Tests for decoding CPUID leaves into named features.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "kernel/cpu/cpu_features.h"

namespace {

// Values captured from a Skylake-class Intel CPU (trimmed to what we decode).
CpuidLeaves skylake()
{
    CpuidLeaves l;
    l.max_basic_leaf = 0x16;
    l.max_extended_leaf = 0x80000008;
    std::strcpy(l.vendor, "GenuineIntel");
    std::strcpy(l.brand, "       Intel(R) Core(TM) i7-6700 CPU @ 3.40GHz  ");
    l.leaf1_eax = 0x000506E3;
    l.leaf1_ecx = 0x7FFAFBFF;
    l.leaf1_edx = 0xBFEBFBFF;
    l.leaf7_ebx = 0x029C6FBF;
    l.leaf7_ecx = 0x00000000;
    l.leaf7_edx = 0xBC000400;
    l.leafd1_eax = 0x0000000F;
    l.ext1_ecx = 0x00000121;
    l.ext1_edx = 0x2C100800;
    l.ext7_edx = 0x00000100;
    return l;
}

std::string formatted(CpuFeatures const& f)
{
    char buffer[2048];
    usize n = f.format(buffer, sizeof buffer);
    REQUIRE(n < sizeof buffer);
    return std::string(buffer, n);
}

} // namespace

TEST_CASE("cpu_features: a Skylake decodes to the familiar flags")
{
    auto f = CpuFeatures::from_cpuid(skylake());
    for (char const* name : { "fpu", "sse", "sse2", "ht", "syscall", "nx", "pdpe1gb", "rdtscp", "lm",
             "constant_tsc", "nonstop_tsc", "pni", "pclmulqdq", "ssse3", "fma", "cx16", "sse4_1", "sse4_2",
             "x2apic", "movbe", "popcnt", "aes", "xsave", "avx", "f16c", "rdrand", "lahf_lm", "abm",
             "3dnowprefetch", "fsgsbase", "bmi1", "hle", "avx2", "smep", "bmi2", "erms", "invpcid", "rtm",
             "mpx", "rdseed", "adx", "smap", "clflushopt", "intel_pt", "xsaveopt", "xsavec", "xgetbv1",
             "xsaves", "md_clear", "flush_l1d", "arch_capabilities", "tsc_deadline_timer", "pcid" }) {
        INFO(name);
        CHECK(f.has(StringView(name)));
    }
    for (char const* name : { "avx512f", "sha_ni", "hypervisor", "svm", "3dnow", "ia64", "sse4a" }) {
        INFO(name);
        CHECK(!f.has(StringView(name)));
    }
    CHECK(f.has(CpuFeature::Avx2));
    CHECK(!f.has(CpuFeature::Avx512f));
    CHECK(std::string(f.vendor()) == "GenuineIntel");
    CHECK(std::string(f.brand()) == "Intel(R) Core(TM) i7-6700 CPU @ 3.40GHz");
    CHECK(f.family() == 6);
    CHECK(f.model() == 0x5E);
    CHECK(f.stepping() == 3);
}

TEST_CASE("cpu_features: the formatted list is space-separated in table order")
{
    auto f = CpuFeatures::from_cpuid(skylake());
    std::string text = formatted(f);
    CHECK(text.rfind("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr", 0) == 0);
    CHECK(text.find("  ") == std::string::npos);
    CHECK(text.back() != ' ');
    CHECK(text.find("lm constant_tsc") != std::string::npos);
    // One name per feature present.
    usize spaces = 0;
    for (char c : text)
        spaces += c == ' ';
    CHECK(spaces + 1 == f.count());
}

TEST_CASE("cpu_features: format truncates safely and reports the full length")
{
    auto f = CpuFeatures::from_cpuid(skylake());
    std::string full = formatted(f);
    char small[10];
    std::memset(small, 'x', sizeof small);
    usize n = f.format(small, sizeof small);
    CHECK(n == full.size());
    CHECK(std::string(small) == full.substr(0, 9));
    CHECK(f.format(nullptr, 0) == full.size());
}

TEST_CASE("cpu_features: leaves beyond the reported maximum are ignored")
{
    CpuidLeaves l = skylake();
    l.max_basic_leaf = 1;
    l.max_extended_leaf = 0x80000000;
    auto f = CpuFeatures::from_cpuid(l);
    CHECK(f.has(CpuFeature::Sse2));
    CHECK(!f.has(CpuFeature::Avx2));    // leaf 7
    CHECK(!f.has(CpuFeature::Xsaveopt)); // leaf 0xD
    CHECK(!f.has(CpuFeature::Lm));       // 0x80000001
    CHECK(!f.has(CpuFeature::ConstantTsc));
    CHECK(std::string(f.brand()).empty());
}

TEST_CASE("cpu_features: AMD family and model use the extended fields")
{
    CpuidLeaves l;
    l.max_basic_leaf = 0x10;
    l.max_extended_leaf = 0x80000020;
    std::strcpy(l.vendor, "AuthenticAMD");
    l.leaf1_eax = 0x00A20F12; // Zen 3: family 0x19, model 0x21, stepping 2
    l.ext1_ecx = 1u << 6;    // sse4a
    auto f = CpuFeatures::from_cpuid(l);
    CHECK(f.family() == 0x19);
    CHECK(f.model() == 0x21);
    CHECK(f.stepping() == 2);
    CHECK(f.has("sse4a"_sv));
}

TEST_CASE("cpu_features: names round-trip and unknown names are absent")
{
    for (usize i = 0; i < CpuFeatures::FEATURE_COUNT; ++i) {
        StringView name = CpuFeatures::name_of(CpuFeature(i));
        REQUIRE(!name.is_empty());
        auto back = CpuFeatures::from_name(name);
        REQUIRE(back.has_value());
        CHECK(usize(*back) == i);
    }
    CHECK(!CpuFeatures::from_name("avx9000"_sv).has_value());
    CHECK(!CpuFeatures::from_name("ss"_sv.substring(0, 1)).has_value());
    auto f = CpuFeatures::from_cpuid(skylake());
    CHECK(!f.has("nonsense"_sv));
    CHECK(!f.has(CpuFeature::Count));
}

TEST_CASE("cpu_features: an empty CPUID decodes to nothing")
{
    CpuFeatures f = CpuFeatures::from_cpuid(CpuidLeaves {});
    CHECK(f.count() == 0);
    CHECK(formatted(f).empty());
    CHECK(f.family() == 0);
}
