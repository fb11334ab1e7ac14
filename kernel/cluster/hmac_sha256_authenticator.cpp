// HMAC-SHA256 through BearSSL's br_hmac_* API. Keyed per call: keys are short
// and hashing the key is cheap next to the messages it authenticates.
#include "kernel/cluster/hmac_sha256_authenticator.h"

#include "kernel/panic.h"

#if __has_include(<bearssl_hmac.h>)
#    define UNUM_HAVE_BEARSSL 1
#    include <bearssl_hash.h>
#    include <bearssl_hmac.h>
#else
#    define UNUM_HAVE_BEARSSL 0
#endif

bool HmacSha256Authenticator::is_available() { return UNUM_HAVE_BEARSSL; }

void HmacSha256Authenticator::tag(ClusterKey const& key, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const
{
#if UNUM_HAVE_BEARSSL
    static_assert(TAG_SIZE == br_sha256_SIZE);
    br_hmac_key_context key_context;
    br_hmac_key_init(&key_context, &br_sha256_vtable, key.bytes, key.size);
    br_hmac_context context;
    br_hmac_init(&context, &key_context, TAG_SIZE);
    br_hmac_update(&context, bytes, size);
    br_hmac_out(&context, out);
#else
    (void)key, (void)bytes, (void)size, (void)out;
    panic("cluster: HMAC-SHA256 needs BearSSL (make deps; kernel/cluster/bearssl.mk)");
#endif
}
