// HmacSha256Authenticator against the RFC 4231 test vectors (HMAC-SHA256), when
// the build has BearSSL (kernel/cluster/bearssl.mk); without it, that the stub
// says it is unavailable.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "kernel/cluster/hmac_sha256_authenticator.h"


namespace {

std::vector<u8> from_hex(char const* hex)
{
    std::vector<u8> bytes;
    for (usize i = 0; hex[i] && hex[i + 1]; i += 2)
        bytes.push_back(u8(std::stoi(std::string(hex + i, 2), nullptr, 16)));
    return bytes;
}

ClusterKey key_of(std::vector<u8> const& bytes)
{
    ClusterKey key;
    REQUIRE(bytes.size() <= CLUSTER_KEY_MAX);
    memcpy(key.bytes, bytes.data(), bytes.size());
    key.size = bytes.size();
    return key;
}

void check_vector(std::vector<u8> const& key, std::vector<u8> const& data, char const* expected_hex)
{
    HmacSha256Authenticator authenticator;
    u8 tag[MessageAuthenticator::TAG_SIZE];
    authenticator.tag(key_of(key), data.data(), data.size(), tag);
    REQUIRE(std::vector<u8>(tag, tag + sizeof(tag)) == from_hex(expected_hex));
    REQUIRE(authenticator.verify(key_of(key), data.data(), data.size(), tag));
    tag[31] ^= 1;
    REQUIRE(!authenticator.verify(key_of(key), data.data(), data.size(), tag));
}

} // namespace

TEST_CASE("HMAC-SHA256 matches RFC 4231", "[cluster][hmac]")
{
    REQUIRE(HmacSha256Authenticator::is_available());
    // Test case 1
    check_vector(std::vector<u8>(20, 0x0b), from_hex("4869205468657265"),
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 2
    std::string what = "what do ya want for nothing?";
    check_vector(from_hex("4a656665"), std::vector<u8>(what.begin(), what.end()),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 3
    check_vector(std::vector<u8>(20, 0xaa), std::vector<u8>(50, 0xdd),
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    // Test case 4
    check_vector(from_hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), std::vector<u8>(50, 0xcd),
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}
