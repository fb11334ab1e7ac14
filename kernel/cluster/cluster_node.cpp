// The checks every incoming cluster message passes, and the routing of what
// survives them to membership or RPC.
#include "kernel/cluster/cluster_node.h"

#include "kernel/lib/format.h"

ClusterNode::ClusterNode(MembershipConfig const& config, Incarnation incarnation, ClusterKey const& key,
    MessageAuthenticator const& authenticator, ClusterTransport& transport, ClusterEvents& events)
    : m_events(events)
    , m_sealer(authenticator, key)
    , m_outbox(m_sealer, transport, incarnation)
    , m_membership(config, m_outbox, *this)
    , m_rpc(m_outbox)
{
}

void ClusterNode::on_tick(u64 now_ms)
{
    m_membership.on_tick(now_ms);
    m_rpc.on_tick(now_ms);
}

void ClusterNode::report_refused(char const* what, u64 now_ms)
{
    // One line per second at most: a stranger must not be able to flood the log.
    ++m_refusals_since_log;
    if (m_last_refusal_log && now_ms - m_last_refusal_log < 1000)
        return;
    char text[160];
    format(text, sizeof(text), "cluster: refused %llu message(s): %s", (unsigned long long)m_refusals_since_log, what);
    m_events.on_log(LogLevel::Warn, text);
    m_last_refusal_log = now_ms ? now_ms : 1;
    m_refusals_since_log = 0;
}

bool ClusterNode::open(u8 const* bytes, usize size, OpenedMessage& opened, u64 now_ms)
{
    auto result = m_sealer.open(bytes, size);
    if (!result.is_error()) {
        opened = result.release_value();
        return true;
    }
    switch (result.error()) {
    case Error::AccessDenied:
        ++m_counters.unauthenticated;
        report_refused("authentication failed (wrong cluster key or forged)", now_ms);
        break;
    case Error::Protocol:
        ++m_counters.bad_version;
        report_refused("unknown protocol version", now_ms);
        break;
    default:
        ++m_counters.malformed;
        report_refused("malformed", now_ms);
        break;
    }
    return false;
}

bool ClusterNode::check_replay(ReplayTable& table, OpenedMessage const& opened)
{
    auto const& header = opened.header;
    // A joiner has no number yet: its window is per the address it names.
    u64 scope = header.sender.is_none()
        ? (u64(opened.message.address.ipv4) << 16 | opened.message.address.port) + 1
        : 0;
    auto verdict = table.check_and_record(header.sender, header.sender_incarnation, header.sequence, scope);
    if (verdict.is_error())
        return false;
    switch (verdict.value()) {
    case ReplayWindow::Verdict::Accepted:
        return true;
    case ReplayWindow::Verdict::Replayed:
        ++m_counters.replayed;
        return false;
    case ReplayWindow::Verdict::TooOld:
        ++m_counters.reordered;
        return false;
    }
    return false;
}

void ClusterNode::on_datagram(NetAddress from, u8 const* bytes, usize size, u64 now_ms)
{
    OpenedMessage opened;
    if (!open(bytes, size, opened, now_ms))
        return;
    if (is_rpc_message(opened.header.type)) {
        ++m_counters.wrong_channel;
        return;
    }
    if (!check_replay(m_datagram_replay, opened))
        return;
    ++m_counters.accepted;
    m_membership.on_message(opened, from, now_ms);
}

void ClusterNode::on_stream_message(NodeId peer, u8 const* bytes, usize size, u64 now_ms)
{
    OpenedMessage opened;
    if (!open(bytes, size, opened, now_ms))
        return;
    auto const& header = opened.header;
    if (!is_rpc_message(header.type)) {
        ++m_counters.wrong_channel;
        return;
    }
    auto const* member = m_membership.view().find(header.sender);
    if (header.sender != peer || !member || member->incarnation != header.sender_incarnation
        || header.destination != m_membership.self() || header.destination_incarnation != m_membership.incarnation()) {
        ++m_counters.unknown_peer;
        return;
    }
    if (!check_replay(m_stream_replay, opened))
        return;
    ++m_counters.accepted;
    m_rpc.on_message(opened);
}

void ClusterNode::on_view_changed(MembershipView const& view, NodeId self)
{
    m_rpc.on_view_changed(view);
    m_events.on_view_changed(view, self);
}

void ClusterNode::on_member_removed(NodeId node, Incarnation incarnation, bool left)
{
    m_datagram_replay.forget_older(node, incarnation + 1);
    m_stream_replay.forget_older(node, incarnation + 1);
    m_events.on_member_removed(node, incarnation, left);
}
