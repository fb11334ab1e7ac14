// Tests of StringView: bounds, comparisons, searches, splitting and parsing.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kernel/lib/string_view.h"

static std::string str(StringView view) { return std::string(view.characters(), view.length()); }

TEST_CASE("construction and substring clamp", "[string_view]")
{
    StringView empty;
    CHECK(empty.is_empty());
    CHECK(StringView(nullptr).is_empty());
    StringView hello("hello world");
    CHECK(hello.length() == 11);
    CHECK(str(hello.substring(6)) == "world");
    CHECK(str(hello.substring(6, 100)) == "world");
    CHECK(hello.substring(50).is_empty());
    CHECK(str(hello.substring(0, 5)) == "hello");
    // Not NUL-terminated: the view must stop at its length.
    char raw[3] = { 'a', 'b', 'c' };
    CHECK(str(StringView(raw, 2)) == "ab");
}

TEST_CASE("compare and equality", "[string_view]")
{
    CHECK("abc"_sv == "abc"_sv);
    CHECK(!("abc"_sv == "abcd"_sv));
    CHECK("abc"_sv.compare("abd"_sv) < 0);
    CHECK("abd"_sv.compare("abc"_sv) > 0);
    CHECK("ab"_sv.compare("abc"_sv) < 0);
    CHECK("abc"_sv.compare("ab"_sv) > 0);
    CHECK(""_sv.compare(""_sv) == 0);
    CHECK("\xff"_sv.compare("a"_sv) > 0); // bytes compare unsigned
    CHECK("DeBuG"_sv.equals_ignoring_case("debug"_sv));
    CHECK(!"debu"_sv.equals_ignoring_case("debug"_sv));
}

TEST_CASE("starts_with, ends_with, find", "[string_view]")
{
    StringView path("/bin/sh");
    CHECK(path.starts_with("/bin"_sv));
    CHECK(path.starts_with('/'));
    CHECK(!path.starts_with("/binary/sh"_sv));
    CHECK(path.ends_with("sh"_sv));
    CHECK(!path.ends_with("bash"_sv));
    CHECK(path.find('/') == 0u);
    CHECK(path.find('/', 1) == 4u);
    CHECK(!path.find('x').has_value());
    CHECK(path.find_last('/') == 4u);
    CHECK(path.find("sh"_sv) == 5u);
    CHECK(path.find("in"_sv, 3) == std::nullopt);
    CHECK(path.find(""_sv) == 0u);
    CHECK(!"ab"_sv.find("abc"_sv).has_value());
    CHECK(path.contains('b'));
}

TEST_CASE("trim and split", "[string_view]")
{
    CHECK(str("  x y \t\n"_sv.trim_whitespace()) == "x y");
    CHECK(" \t "_sv.trim_whitespace().is_empty());

    std::vector<std::string> parts;
    for (StringView part : "//usr//local/bin/"_sv.split('/'))
        parts.push_back(str(part));
    CHECK(parts == std::vector<std::string> { "usr", "local", "bin" });

    parts.clear();
    for (StringView part : "////"_sv.split('/'))
        parts.push_back(str(part));
    CHECK(parts.empty());

    StringView before, after;
    CHECK("loglevel=debug=x"_sv.split_once('=', before, after));
    CHECK(str(before) == "loglevel");
    CHECK(str(after) == "debug=x");
    CHECK(!"selftest"_sv.split_once('=', before, after));
    CHECK(str(before) == "loglevel");
}

TEST_CASE("to_u64 parses bases and rejects junk", "[string_view]")
{
    CHECK("0"_sv.to_u64().value() == 0);
    CHECK("12345"_sv.to_u64().value() == 12345);
    CHECK("18446744073709551615"_sv.to_u64().value() == UINT64_MAX);
    CHECK("18446744073709551616"_sv.to_u64().error() == Error::Overflow);
    CHECK("99999999999999999999999"_sv.to_u64().error() == Error::Overflow);
    CHECK(""_sv.to_u64().error() == Error::InvalidArgument);
    CHECK("12a"_sv.to_u64().error() == Error::InvalidArgument);
    CHECK("-1"_sv.to_u64().error() == Error::InvalidArgument);
    CHECK("ff"_sv.to_u64(16).value() == 255);
    CHECK("0xFF"_sv.to_u64(16).value() == 255);
    CHECK("0x10"_sv.to_u64(0).value() == 16);
    CHECK("0b101"_sv.to_u64(0).value() == 5);
    CHECK("0o17"_sv.to_u64(0).value() == 15);
    CHECK("017"_sv.to_u64(0).value() == 15);
    CHECK("42"_sv.to_u64(0).value() == 42);
    CHECK("0x"_sv.to_u64(0).error() == Error::InvalidArgument);
    CHECK("0x"_sv.to_u64(16).error() == Error::InvalidArgument);
    CHECK("08"_sv.to_u64(0).error() == Error::InvalidArgument);
    CHECK("ffffffffffffffff"_sv.to_u64(16).value() == UINT64_MAX);
    CHECK("10000000000000000"_sv.to_u64(16).error() == Error::Overflow);
    CHECK("1"_sv.to_u64(1).error() == Error::InvalidArgument);
}

TEST_CASE("to_i64 handles signs and limits", "[string_view]")
{
    CHECK("-5"_sv.to_i64().value() == -5);
    CHECK("+5"_sv.to_i64().value() == 5);
    CHECK("9223372036854775807"_sv.to_i64().value() == INT64_MAX);
    CHECK("-9223372036854775808"_sv.to_i64().value() == INT64_MIN);
    CHECK("9223372036854775808"_sv.to_i64().error() == Error::Overflow);
    CHECK("-9223372036854775809"_sv.to_i64().error() == Error::Overflow);
    CHECK("-"_sv.to_i64().error() == Error::InvalidArgument);
    CHECK("--1"_sv.to_i64().error() == Error::InvalidArgument);
    CHECK("-0x10"_sv.to_i64(0).value() == -16);
}

TEST_CASE("copy_to truncates and terminates", "[string_view]")
{
    char buffer[4];
    CHECK("abcdef"_sv.copy_to(buffer, sizeof(buffer)) == 3);
    CHECK(std::string(buffer) == "abc");
    CHECK("ab"_sv.copy_to(buffer, sizeof(buffer)) == 2);
    CHECK(std::string(buffer) == "ab");
    CHECK("ab"_sv.copy_to(buffer, 0) == 0);
}
