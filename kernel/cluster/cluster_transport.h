// The seams between the portable cluster state machines and the world. The
// kernel glue implements ClusterTransport on lwIP (UDP for datagrams and
// beacons, one TCP connection per pair of members for streams) and ClusterEvents
// on the kernel log and the services that care; the host simulation implements
// both on a seeded, simulated network. Every call is made from the thread that
// drives the state machines, with no cluster lock held by the caller.
#pragma once

#include "kernel/cluster/membership_view.h"
#include "kernel/cluster/node_identity.h"
#include "kernel/lib/types.h"
#include "kernel/log/klog.h"

class ClusterTransport {
public:
    virtual ~ClusterTransport() = default;
    // One sealed message as a UDP broadcast on the cluster LAN (beacons).
    virtual void broadcast(u8 const* bytes, usize size) = 0;
    // One sealed message as one UDP datagram (membership traffic). May be lost.
    virtual void send_datagram(NetAddress to, u8 const* bytes, usize size) = 0;
    // One sealed message on the stream to node (the glue frames it with
    // append_frame). Dropped if there is no connection; the glue reports
    // on_connection_down for a connection that breaks.
    virtual void send_stream(NodeId to, u8 const* bytes, usize size) = 0;
    // Keep a connection to node open (reconnecting as needed) / close it.
    virtual void connect(NodeId node, NetAddress address) = 0;
    virtual void disconnect(NodeId node) = 0;
};

class ClusterEvents {
public:
    virtual ~ClusterEvents() = default;
    // A new view was installed (epoch changed). self is this node's number in it.
    virtual void on_view_changed(MembershipView const& view, NodeId self) { (void)view, (void)self; }
    // A member was removed from the view without a clean leave (or left cleanly: left = true).
    virtual void on_member_removed(NodeId node, Incarnation incarnation, bool left)
    {
        (void)node, (void)incarnation, (void)left;
    }
    // This node lost (true) or regained (false) a quorum of its view.
    virtual void on_partition_changed(bool partitioned) { (void)partitioned; }
    // Something worth a kernel log line (refused stranger, stale message, ...).
    virtual void on_log(LogLevel level, char const* text) { (void)level, (void)text; }
};
