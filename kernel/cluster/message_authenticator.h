// MessageAuthenticator: computes and checks the authentication tag every cluster
// message carries (CLUSTER_TAG_SIZE bytes over header and body, keyed with the
// cluster key). The real one is HmacSha256Authenticator (BearSSL); host tests
// may use a fake. Implementations hold no per-message state, so one instance
// may serve every connection.
#pragma once

#include "kernel/lib/types.h"

inline constexpr usize CLUSTER_KEY_MAX = 64;

struct ClusterKey {
    u8 bytes[CLUSTER_KEY_MAX] {};
    usize size { 0 };
};

class MessageAuthenticator {
public:
    static constexpr usize TAG_SIZE = 32;

    virtual ~MessageAuthenticator() = default;
    virtual void tag(ClusterKey const& key, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const = 0;
    // Constant-time comparison of the expected tag with the given one.
    bool verify(ClusterKey const& key, u8 const* bytes, usize size, u8 const given[TAG_SIZE]) const
    {
        u8 expected[TAG_SIZE];
        tag(key, bytes, size, expected);
        u8 difference = 0;
        for (usize i = 0; i < TAG_SIZE; ++i)
            difference |= u8(expected[i] ^ given[i]);
        return difference == 0;
    }
};
