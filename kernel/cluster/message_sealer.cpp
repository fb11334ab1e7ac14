// Sealing and opening cluster envelopes.
#include "kernel/cluster/message_sealer.h"

Result<Vector<u8>> MessageSealer::seal(ClusterMessageHeader header, ClusterMessage const& message) const
{
    Vector<u8> bytes;
    TRY(bytes.try_resize(ClusterMessageHeader::SIZE));
    WireWriter writer(bytes);
    TRY(encode_cluster_body(message, writer));
    usize body_length = bytes.size() - ClusterMessageHeader::SIZE;
    if (bytes.size() + CLUSTER_TAG_SIZE > CLUSTER_MAX_MESSAGE)
        return Error::MessageTooLong;
    header.type = message.type;
    header.body_length = u32(body_length);
    header.encode(bytes.data());
    u8 tag[CLUSTER_TAG_SIZE];
    m_authenticator.tag(m_key, bytes.data(), bytes.size(), tag);
    TRY(bytes.try_append(tag, CLUSTER_TAG_SIZE));
    return bytes;
}

Result<OpenedMessage> MessageSealer::open(u8 const* bytes, usize size) const
{
    if (size < CLUSTER_ENVELOPE_OVERHEAD || size > CLUSTER_MAX_MESSAGE)
        return Error::BadMessage;
    auto header = TRY(ClusterMessageHeader::decode(bytes, size));
    if (header.body_length != size - CLUSTER_ENVELOPE_OVERHEAD)
        return Error::BadMessage;
    usize signed_size = size - CLUSTER_TAG_SIZE;
    if (!m_authenticator.verify(m_key, bytes, signed_size, bytes + signed_size))
        return Error::AccessDenied;
    OpenedMessage opened;
    opened.header = header;
    opened.message = TRY(decode_cluster_body(header.type, bytes + ClusterMessageHeader::SIZE, header.body_length));
    return opened;
}
