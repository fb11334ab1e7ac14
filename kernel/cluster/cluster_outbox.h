// ClusterOutbox: the one way cluster state machines send. It stamps each
// message with this node's identity and the next sequence number (one counter
// per incarnation, shared by every channel, so receivers can reject anything
// not newer than what they saw), seals it and hands the bytes to the transport.
// Send failures (out of memory) are counted and otherwise treated as loss.
#pragma once

#include "kernel/cluster/cluster_transport.h"
#include "kernel/cluster/message_sealer.h"

class ClusterOutbox {
public:
    ClusterOutbox(MessageSealer const& sealer, ClusterTransport& transport, Incarnation incarnation)
        : m_sealer(sealer)
        , m_transport(transport)
        , m_incarnation(incarnation)
    {
    }

    NodeId self() const { return m_self; }
    Incarnation incarnation() const { return m_incarnation; }
    void set_self(NodeId self) { m_self = self; }

    void broadcast(ClusterMessage const& message);
    void send_datagram(NetAddress to, NodeId node, Incarnation incarnation, ClusterMessage const& message);
    void send_stream(NodeId node, Incarnation incarnation, ClusterMessage const& message);
    // Sealed bytes as they would be sent (for tests and the simulation).
    Result<Vector<u8>> seal(NodeId node, Incarnation incarnation, ClusterMessage const& message);

    u64 send_failures() const { return m_send_failures; }
    ClusterTransport& transport() { return m_transport; }

private:
    MessageSealer const& m_sealer;
    ClusterTransport& m_transport;
    Incarnation m_incarnation;
    NodeId m_self;
    u64 m_next_sequence { 1 };
    u64 m_send_failures { 0 };
};
