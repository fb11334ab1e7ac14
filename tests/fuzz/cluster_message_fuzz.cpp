// libFuzzer target: cluster envelopes and bodies decoded from arbitrary bytes
// (what a node receives from the LAN). The authenticator accepts every tag so
// the fuzzer reaches the body decoders. Whatever decodes must re-encode to bytes
// that decode to the same message, and re-encode identically (feature names
// are canonicalised on the first pass, so byte equality holds from there).
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernel/cluster/message_sealer.h"

namespace {

class AcceptingAuthenticator final : public MessageAuthenticator {
public:
    void tag(ClusterKey const&, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const override
    {
        // All zeros: only inputs ending in 32 zero bytes pass the real open().
        memset(out, 0, TAG_SIZE);
        (void)bytes, (void)size;
    }
};

// A sealer whose open() skips the tag: the fuzzer could never forge a real one.
Result<OpenedMessage> open_unchecked(u8 const* bytes, usize size)
{
    if (size < CLUSTER_ENVELOPE_OVERHEAD || size > CLUSTER_MAX_MESSAGE)
        return Error::BadMessage;
    auto header = TRY(ClusterMessageHeader::decode(bytes, size));
    if (header.body_length != size - CLUSTER_ENVELOPE_OVERHEAD)
        return Error::BadMessage;
    OpenedMessage opened;
    opened.header = header;
    opened.message = TRY(decode_cluster_body(header.type, bytes + ClusterMessageHeader::SIZE, header.body_length));
    return opened;
}

bool same(ClusterMessage const& a, ClusterMessage const& b)
{
    return a.type == b.type && a.cluster_name == b.cluster_name && a.node == b.node && a.address == b.address
        && a.stamp == b.stamp && a.generation == b.generation && a.features.same_as(b.features) && a.view.same_membership(b.view)
        && a.error == b.error && a.load_milli == b.load_milli && a.partitioned == b.partitioned
        && a.call_id == b.call_id && a.service == b.service && a.method == b.method
        && a.payload_size == b.payload_size && (a.payload_size == 0 || memcmp(a.payload, b.payload, a.payload_size) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    static AcceptingAuthenticator authenticator;
    static ClusterKey key;
    MessageSealer sealer(authenticator, key);

    // The real open() must reject every input (the tag is never right), without crashing.
    if (!sealer.open(data, size).is_error() && size >= CLUSTER_TAG_SIZE) {
        u8 zero[CLUSTER_TAG_SIZE] {};
        if (memcmp(data + size - CLUSTER_TAG_SIZE, zero, CLUSTER_TAG_SIZE) != 0)
            __builtin_trap();
    }

    auto first = open_unchecked(data, size);
    if (first.is_error())
        return 0;
    auto sealed = sealer.seal(first.value().header, first.value().message);
    if (sealed.is_error())
        return 0; // e.g. out of memory; never a crash
    auto second = open_unchecked(sealed.value().data(), sealed.value().size());
    if (second.is_error() || !same(first.value().message, second.value().message))
        __builtin_trap();
    auto resealed = sealer.seal(second.value().header, second.value().message);
    if (resealed.is_error() || resealed.value().size() != sealed.value().size()
        || memcmp(resealed.value().data(), sealed.value().data(), sealed.value().size()) != 0)
        __builtin_trap();
    return 0;
}
