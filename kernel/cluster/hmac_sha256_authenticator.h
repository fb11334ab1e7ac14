// HmacSha256Authenticator: the cluster's MessageAuthenticator, HMAC-SHA256
// (RFC 2104) from BearSSL (third_party/bearssl, built by kernel/cluster/bearssl.mk).
// A build without BearSSL on its include path still compiles: is_available()
// is then false and tag() panics, so the glue must refuse to start the cluster.
#pragma once

#include "kernel/cluster/message_authenticator.h"

class HmacSha256Authenticator final : public MessageAuthenticator {
public:
    static bool is_available();
    void tag(ClusterKey const& key, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const override;
};
