// A test-only MessageAuthenticator: a keyed FNV-1a mix, not cryptography. It
// depends on every key and message byte, which is all the host tests of the
// protocol need; the real HMAC-SHA256 has its own test (hmac_sha256_test.cpp).
#pragma once

#include "kernel/cluster/message_authenticator.h"
#include "kernel/lib/string.h"

class FakeAuthenticator final : public MessageAuthenticator {
public:
    void tag(ClusterKey const& key, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const override
    {
        for (usize lane = 0; lane < TAG_SIZE / 8; ++lane) {
            u64 h = 0xcbf29ce484222325ull ^ (lane * 0x9e3779b97f4a7c15ull);
            auto mix = [&h](u8 byte) {
                h ^= byte;
                h *= 0x100000001b3ull;
            };
            for (usize i = 0; i < key.size; ++i)
                mix(key.bytes[i]);
            mix(u8(key.size));
            for (usize i = 0; i < size; ++i)
                mix(bytes[i]);
            for (usize i = 0; i < 8; ++i)
                out[lane * 8 + i] = u8(h >> (8 * i));
        }
    }
};

inline ClusterKey make_test_key(char const* text)
{
    ClusterKey key;
    key.size = strlen(text);
    memcpy(key.bytes, text, key.size);
    return key;
}
