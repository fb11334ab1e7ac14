// Tests of format/vformat: conversions, flags, truncation, and agreement with
// the host's snprintf on a grid of specs and values.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include "kernel/lib/format.h"

namespace {

template<typename... Args>
std::string fmt(char const* spec, Args... args)
{
    char buffer[256];
    usize n = format(buffer, sizeof(buffer), spec, args...);
    REQUIRE(n < sizeof(buffer));
    REQUIRE(std::string(buffer).size() == n);
    return buffer;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
// Formats with both ours and libc's snprintf; they must agree byte for byte.
template<typename... Args>
void check_like_libc(char const* spec, Args... args)
{
    char ours[256];
    char theirs[256];
    usize n = format(ours, sizeof(ours), spec, args...);
    int m = snprintf(theirs, sizeof(theirs), spec, args...);
    INFO("spec " << spec);
    CHECK(std::string(ours) == std::string(theirs));
    CHECK(n == usize(m));
}
#pragma GCC diagnostic pop

std::string collected;
void collect(char const* text, usize len, void*) { collected.append(text, len); }

usize call_vformat_to(char const* spec, ...)
{
    va_list args;
    va_start(args, spec);
    usize n = vformat_to(collect, nullptr, spec, args);
    va_end(args);
    return n;
}

} // namespace

TEST_CASE("basic conversions", "[format]")
{
    CHECK(fmt("plain") == "plain");
    CHECK(fmt("%d %i %u", -12, 34, 56u) == "-12 34 56");
    CHECK(fmt("%x %X %o", 0xbeefu, 0xbeefu, 8u) == "beef BEEF 10");
    CHECK(fmt("%c%c", 'o', 'k') == "ok");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-overflow"
    CHECK(fmt("%s|%s", "a", static_cast<char const*>(nullptr)) == "a|(null)");
#pragma GCC diagnostic pop
    CHECK(fmt("100%%") == "100%");
    CHECK(fmt("%p", reinterpret_cast<void*>(0xffff800000001000ull)) == "0xffff800000001000");
    CHECK(fmt("%p", static_cast<void*>(nullptr)) == "0x0");
}

TEST_CASE("length modifiers and extremes", "[format]")
{
    CHECK(fmt("%lld", static_cast<long long>(INT64_MIN)) == "-9223372036854775808");
    CHECK(fmt("%lld", static_cast<long long>(INT64_MAX)) == "9223372036854775807");
    CHECK(fmt("%llu", static_cast<unsigned long long>(UINT64_MAX)) == "18446744073709551615");
    CHECK(fmt("%d", INT_MIN) == "-2147483648");
    CHECK(fmt("%ld %lu", -1L, ULONG_MAX) == "-1 18446744073709551615");
    CHECK(fmt("%lx %llx", 0xabcUL, 0xdeadbeefcafeULL) == "abc deadbeefcafe");
    CHECK(fmt("%zu %zx", static_cast<usize>(4096), static_cast<usize>(4096)) == "4096 1000");
    CHECK(fmt("%hhd %hhu", 0x1ff, 0x1ff) == "-1 255");
    CHECK(fmt("%hd", 0x18000) == "-32768");
    CHECK(fmt("%o", 0u) == "0");
    CHECK(fmt("%u", 0u) == "0");
}

TEST_CASE("width, padding, alignment, precision", "[format]")
{
    CHECK(fmt("[%5d]", 42) == "[   42]");
    CHECK(fmt("[%-5d]", 42) == "[42   ]");
    CHECK(fmt("[%05d]", -42) == "[-0042]");
    CHECK(fmt("[%08x]", 0xbeefu) == "[0000beef]");
    CHECK(fmt("[%-08x]", 0xbeefu) == "[beef    ]");
    CHECK(fmt("[%.3s]", "abcdef") == "[abc]");
    CHECK(fmt("[%.*s]", 2, "abcdef") == "[ab]");
    CHECK(fmt("[%*d]", 4, 7) == "[   7]");
    CHECK(fmt("[%*d]", -4, 7) == "[7   ]");
    CHECK(fmt("[%6.2s]", "abc") == "[    ab]");
    CHECK(fmt("[%-4c]", 'x') == "[x   ]");
    CHECK(fmt("[%.0d]", 0) == "[]");
    CHECK(fmt("[%#x]", 255u) == "[0xff]");
    CHECK(fmt("[%+d % d]", 5, 5) == "[+5  5]");
}

TEST_CASE("precision on %s never reads past it", "[format]")
{
    char unterminated[3] = { 'x', 'y', 'z' };
    CHECK(fmt("%.3s", unterminated) == "xyz");
}

TEST_CASE("truncation NUL-terminates and reports the full length", "[format]")
{
    char buffer[8];
    std::memset(buffer, 'Q', sizeof(buffer));
    usize n = format(buffer, sizeof(buffer), "%s-%d", "hello", 12345);
    CHECK(n == 11);
    CHECK(std::string(buffer) == "hello-1");

    char one[1] = { 'Q' };
    CHECK(format(one, 1, "abc") == 3);
    CHECK(one[0] == '\0');

    char untouched = 'Q';
    CHECK(format(&untouched, 0, "abc%d", 5) == 4);
    CHECK(untouched == 'Q');
    CHECK(format(nullptr, 0, "%d", -100) == 4);
}

TEST_CASE("malformed and unsupported specs are echoed", "[format]")
{
    char buffer[32];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
    CHECK(format(buffer, sizeof(buffer), "50%") == 3);
    CHECK(std::string(buffer) == "50%");
    format(buffer, sizeof(buffer), "a%yb");
    CHECK(std::string(buffer) == "a%yb");
#pragma GCC diagnostic pop
}

TEST_CASE("huge widths are clamped rather than spinning", "[format]")
{
    char buffer[16];
    usize n = format(buffer, sizeof(buffer), "%999999999d", 1);
    CHECK(n == 65536);
    CHECK(std::string(buffer) == std::string(15, ' '));
}

TEST_CASE("vformat_to streams the same text", "[format]")
{
    collected.clear();
    usize n = call_vformat_to("%s=%-4d|%08lx", "key", 9, 0x1234UL);
    CHECK(collected == "key=9   |00001234");
    CHECK(n == collected.size());
}

TEST_CASE("agrees with snprintf across flags, widths and values", "[format]")
{
    char const* int_specs[] = { "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%08.3d",
        "%.0d", "%+05d", "%u", "%x", "%#x", "%#08x", "%X", "%#X", "%o", "%#o", "%#.0o", "%#5o", "%.0x", "%#.0x" };
    int int_values[] = { 0, 1, -1, 7, 42, -42, 12345, -99999, INT_MAX, INT_MIN };
    for (char const* spec : int_specs) {
        for (int value : int_values)
            check_like_libc(spec, value);
    }
    char const* long_specs[] = { "%ld", "%lu", "%lx", "%20ld", "%-20ld|", "%020ld", "%+ld", "%.25ld", "%#lo" };
    long long_values[] = { 0, -1, LONG_MIN, LONG_MAX, 1L << 40 };
    for (char const* spec : long_specs) {
        for (long value : long_values)
            check_like_libc(spec, value);
    }
    char const* string_specs[] = { "%s", "%10s", "%-10s|", "%.2s", "%10.2s", "%-10.0s|", "%.20s" };
    char const* strings[] = { "", "a", "hello", "a longer string here" };
    for (char const* spec : string_specs) {
        for (char const* s : strings)
            check_like_libc(spec, s);
    }
    check_like_libc("%c|%5c|%-5c|", 'a', 'b', 'c');
    check_like_libc("%*.*d|%-*d|%.*s", 8, 4, -12, 6, 3, 3, "abcdef");
    check_like_libc("%hhx %hx %zx %jd %td", 0x1234, 0x123456, usize(77), intmax_t(-5), ptrdiff_t(-6));
}
