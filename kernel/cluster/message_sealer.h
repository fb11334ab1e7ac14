// MessageSealer: turns a ClusterMessage into the sealed bytes of one envelope
// (header, body, authentication tag under the cluster key) and back. open()
// checks the tag before it parses the body, so nothing from a sender without
// the key is interpreted beyond the fixed header. Sequence numbers are the
// caller's (per channel); replay checks are ReplayWindow's / ReplayTable's.
#pragma once

#include "kernel/cluster/cluster_message.h"
#include "kernel/cluster/message_authenticator.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"

struct OpenedMessage {
    ClusterMessageHeader header;
    ClusterMessage message;
};

class MessageSealer {
public:
    MessageSealer(MessageAuthenticator const& authenticator, ClusterKey const& key)
        : m_authenticator(authenticator)
        , m_key(key)
    {
    }

    // header.type and body_length are taken from message; MessageTooLong past
    // CLUSTER_MAX_MESSAGE.
    Result<Vector<u8>> seal(ClusterMessageHeader header, ClusterMessage const& message) const;
    // BadMessage when malformed, Protocol for another version, AccessDenied when
    // the tag does not verify (wrong key, forged or corrupted). The message's
    // views into bytes stay valid while bytes do.
    Result<OpenedMessage> open(u8 const* bytes, usize size) const;

private:
    MessageAuthenticator const& m_authenticator;
    ClusterKey m_key;
};
