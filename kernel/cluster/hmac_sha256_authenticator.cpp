// HMAC-SHA256 through BearSSL's br_hmac_* API. Keyed per call: keys are short
// and hashing the key is cheap next to the messages it authenticates.
#include "kernel/cluster/hmac_sha256_authenticator.h"


// No silent fallback: a build without BearSSL must not produce a cluster that
// cannot authenticate (and a stale object must never hide one that can).
#if !__has_include(<bearssl_hmac.h>)
#    error "BearSSL is missing (third_party/bearssl): run 'make deps' first"
#endif
#include <bearssl_hash.h>
#include <bearssl_hmac.h>

bool HmacSha256Authenticator::is_available() { return true; }

void HmacSha256Authenticator::tag(ClusterKey const& key, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const
{
    static_assert(TAG_SIZE == br_sha256_SIZE);
    br_hmac_key_context key_context;
    br_hmac_key_init(&key_context, &br_sha256_vtable, key.bytes, key.size);
    br_hmac_context context;
    br_hmac_init(&context, &key_context, TAG_SIZE);
    br_hmac_update(&context, bytes, size);
    br_hmac_out(&context, out);
}
