// Stamping, sealing and sending cluster messages.
#include "kernel/cluster/cluster_outbox.h"

Result<Vector<u8>> ClusterOutbox::seal(NodeId node, Incarnation incarnation, ClusterMessage const& message)
{
    ClusterMessageHeader header;
    header.sender = m_self;
    header.sender_incarnation = m_incarnation;
    header.destination = node;
    header.destination_incarnation = incarnation;
    header.sequence = m_next_sequence++;
    auto sealed = m_sealer.seal(header, message);
    if (sealed.is_error())
        ++m_send_failures;
    return sealed;
}

void ClusterOutbox::broadcast(ClusterMessage const& message)
{
    auto sealed = seal(NodeId(), 0, message);
    if (!sealed.is_error())
        m_transport.broadcast(sealed.value().data(), sealed.value().size());
}

void ClusterOutbox::send_datagram(NetAddress to, NodeId node, Incarnation incarnation, ClusterMessage const& message)
{
    auto sealed = seal(node, incarnation, message);
    if (!sealed.is_error())
        m_transport.send_datagram(to, sealed.value().data(), sealed.value().size());
}

void ClusterOutbox::send_stream(NodeId node, Incarnation incarnation, ClusterMessage const& message)
{
    auto sealed = seal(node, incarnation, message);
    if (!sealed.is_error())
        m_transport.send_stream(node, sealed.value().data(), sealed.value().size());
}
