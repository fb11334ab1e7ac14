// ClusterNode: one node's cluster layer, assembled — the envelope checks
// (authentication tag, replay, channel), MembershipProtocol and RpcEndpoint —
// behind the four inputs the transport glue drives: datagrams, stream messages,
// connection changes and ticks. Messages failing a check are counted, logged
// (rate-limited) and dropped: nothing they carry takes effect.
// Not thread-safe: one cluster thread (or the simulation) calls everything.
#pragma once

#include "kernel/cluster/cluster_outbox.h"
#include "kernel/cluster/membership_protocol.h"
#include "kernel/cluster/message_sealer.h"
#include "kernel/cluster/replay_table.h"
#include "kernel/cluster/rpc_endpoint.h"

struct ClusterNodeCounters {
    u64 accepted { 0 };
    u64 malformed { 0 };
    u64 bad_version { 0 };
    u64 unauthenticated { 0 }; // wrong key, forged or corrupted
    u64 replayed { 0 };
    u64 reordered { 0 };
    u64 wrong_channel { 0 };   // RPC on a datagram, membership on a stream
    u64 unknown_peer { 0 };    // stream message from a node/incarnation not in the view
};

class ClusterNode final : private ClusterEvents {
public:
    // authenticator and events must outlive the node.
    ClusterNode(MembershipConfig const& config, Incarnation incarnation, ClusterKey const& key,
        MessageAuthenticator const& authenticator, ClusterTransport& transport, ClusterEvents& events);

    void start(u64 now_ms)
    {
        m_membership.start(now_ms);
        m_rpc.on_tick(now_ms);
    }
    void on_tick(u64 now_ms);
    void on_datagram(NetAddress from, u8 const* bytes, usize size, u64 now_ms);
    // One frame's payload from the stream connected to peer.
    void on_stream_message(NodeId peer, u8 const* bytes, usize size, u64 now_ms);
    void on_connection_up(NodeId peer) { (void)peer; }
    void on_connection_down(NodeId peer) { m_rpc.on_connection_down(peer); }
    void leave(u64 now_ms) { m_membership.leave(now_ms); }

    MembershipProtocol& membership() { return m_membership; }
    MembershipProtocol const& membership() const { return m_membership; }
    RpcEndpoint& rpc() { return m_rpc; }
    ClusterNodeCounters const& counters() const { return m_counters; }

    // Placement and program queries (DESIGN §3 Features).
    MembershipView const& members() const { return m_membership.view(); }
    NodeFeatures const* features_of(NodeId node) const { return m_membership.view().features_of(node); }
    bool has_feature(NodeId node, StringView name) const { return m_membership.view().has_feature(node, name); }

private:
    // ClusterEvents from the membership: RPC hears them first, then the owner.
    void on_view_changed(MembershipView const& view, NodeId self) override;
    void on_member_removed(NodeId node, Incarnation incarnation, bool left) override;
    void on_partition_changed(bool partitioned) override { m_events.on_partition_changed(partitioned); }
    void on_log(LogLevel level, char const* text) override { m_events.on_log(level, text); }

    // Opens and authenticates; counts and drops what fails. False: dropped.
    bool open(u8 const* bytes, usize size, OpenedMessage& opened, u64 now_ms);
    bool check_replay(ReplayTable& table, OpenedMessage const& opened);
    void report_refused(char const* what, u64 now_ms);

    ClusterEvents& m_events;
    MessageSealer m_sealer;
    ClusterOutbox m_outbox;
    MembershipProtocol m_membership;
    RpcEndpoint m_rpc;
    ReplayTable m_datagram_replay { ReplayWindow::MAX_WINDOW };
    ReplayTable m_stream_replay { 0 };
    ClusterNodeCounters m_counters;
    u64 m_last_refusal_log { 0 };
    u64 m_refusals_since_log { 0 };
};
