// Utf8Decoder: valid sequences of every length, and each kind of malformation.
#include <catch2/catch.hpp>
#include <vector>

#include "kernel/console/utf8_decoder.h"

static std::vector<u32> decode(std::vector<u8> const& bytes)
{
    Utf8Decoder decoder;
    std::vector<u32> result;
    for (u8 b : bytes) {
        u32 out[2];
        u32 n = decoder.feed(b, out);
        REQUIRE(n <= 2);
        result.insert(result.end(), out, out + n);
    }
    return result;
}

TEST_CASE("utf8 decodes one to four byte sequences")
{
    CHECK(decode({ 'a' }) == std::vector<u32> { 'a' });
    CHECK(decode({ 0xC3, 0xA9 }) == std::vector<u32> { 0xE9 });
    CHECK(decode({ 0xE2, 0x82, 0xAC }) == std::vector<u32> { 0x20AC });
    CHECK(decode({ 0xF0, 0x9F, 0x98, 0x80 }) == std::vector<u32> { 0x1F600 });
}

TEST_CASE("utf8 replaces malformed input")
{
    u32 const R = Utf8Decoder::REPLACEMENT;
    CHECK(decode({ 0x80 }) == std::vector<u32> { R });
    CHECK(decode({ 0xC0, 0x80 }) == std::vector<u32> { R, R });
    CHECK(decode({ 0xE0, 0x80, 0x80 }) == std::vector<u32> { R }); // overlong
    CHECK(decode({ 0xED, 0xA0, 0x80 }) == std::vector<u32> { R }); // surrogate
    CHECK(decode({ 0xF4, 0x90, 0x80, 0x80 }) == std::vector<u32> { R }); // > U+10FFFF
    CHECK(decode({ 0xF8 }) == std::vector<u32> { R });
    CHECK(decode({ 0xE2, 0x82, 'x' }) == std::vector<u32> { R, 'x' });
    CHECK(decode({ 0xE2, 0xC3, 0xA9 }) == std::vector<u32> { R, 0xE9 });
}
